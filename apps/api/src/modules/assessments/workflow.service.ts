import { HttpStatus, Injectable } from '@nestjs/common';
import type { Approval, ReturnDetail, SealVerification } from '@wgll/contracts';
import { type EntityManager, IsNull } from 'typeorm';
import { ApiException } from '../../common/api-exception.js';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { CyclesService } from '../cycles/cycles.service.js';
import { ApprovalHooks } from './approval-hooks.js';
import { ResultsWriter } from '../result-store/results-writer.js';
import type { ApproveDto, DeclineDto, ReopenDto } from './dto/returns.dto.js';
import { AssessmentReturnEntity } from './entities/assessment-return.entity.js';
import { DomainAnswerEntity } from './entities/domain-answer.entity.js';
import { EvidenceEntity } from './entities/evidence.entity.js';
import { ReturnApprovalEntity } from './entities/return-approval.entity.js';
import { ReturnDeclineEntity } from './entities/return-decline.entity.js';
import { ReturnSealEntity } from './entities/return-seal.entity.js';
import { PeopleRepository } from '../users/people.repository.js';
import { type LoadedReturn, returnLabel, ReturnStore, sealed } from './return-store.js';
import { missingAsErrors, viewReturn } from './return-view.js';
import { toApproval } from './returns.mapper.js';
import { ReturnsService } from './returns.service.js';
import { SealCheckService } from './seal-check.service.js';
import { buildSealedReturn, sealSnapshot } from './seal-snapshot.js';

const STATE_NAMES = {
  draft: 'a draft',
  'awaiting-approval': 'awaiting board approval',
  approved: 'approved by the board',
  submitted: 'submitted',
} as const;

function wrongState(ret: AssessmentReturnEntity, wanted: string): ApiException {
  return new ApiException(
    HttpStatus.CONFLICT,
    'RETURN_STATE',
    `The return is ${STATE_NAMES[ret.state]}; ${wanted}.`,
  );
}

/**
 * The return's workflow: ready → board approval (or sent back to draft) → submitted and sealed →
 * reopened (new revision).
 */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly store: ReturnStore,
    private readonly people: PeopleRepository,
    private readonly returns: ReturnsService,
    private readonly audit: AuditService,
    private readonly results: ResultsWriter,
    private readonly sealCheck: SealCheckService,
    private readonly hooks: ApprovalHooks,
  ) {}

  /** Draft → awaiting approval, when every applicable domain is answered and confirmed. */
  ready(id: string, actor: Principal): Promise<ReturnDetail> {
    return this.transition(id, actor, async (manager, { ret, cycle }) => {
      if (ret.state === 'submitted') throw sealed();
      CyclesService.assertOpen(cycle);
      if (ret.state !== 'draft') throw wrongState(ret, 'it is already ready for approval');
      const view = viewReturn(
        await this.store.framework(ret, manager),
        ret.careSetting,
        await this.answers(manager, ret),
      );
      if (view.missingDomains.length > 0) {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'RETURN_INCOMPLETE',
          `${view.missingDomains.length} domain${view.missingDomains.length === 1 ? '' : 's'} still need an answer or a confirmation before the board can approve the return.`,
          missingAsErrors(view.missingDomains),
        );
      }
      await this.setState(manager, ret, 'awaiting-approval');
      await this.record(manager, 'return.marked-ready', actor, ret, cycle, { revision: ret.revision });
    });
  }

  /** A board approver records the board's approval of this revision. */
  approve(id: string, input: ApproveDto, actor: Principal): Promise<Approval> {
    return this.store.dataSource.transaction(async (manager) => {
      const { ret, cycle } = await this.store.lock(manager, id);
      if (ret.state === 'submitted') throw sealed();
      CyclesService.assertOpen(cycle);
      if (ret.state === 'draft') throw wrongState(ret, 'mark it ready for approval first');
      const repo = manager.getRepository(ReturnApprovalEntity);
      if (
        await repo.existsBy({
          returnId: id,
          revision: ret.revision,
          approverId: actor.id,
          withdrawnAt: IsNull(),
        })
      ) {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'APPROVAL_EXISTS',
          'You have already recorded an approval of this revision.',
        );
      }
      const inserted = await repo.insert({
        returnId: id,
        revision: ret.revision,
        approverId: actor.id,
        meetingDate: input.meetingDate,
        minuteReference: input.minuteReference,
      });
      const approvalId = (inserted.identifiers[0] as { id: string }).id;
      await this.setState(manager, ret, 'approved');
      await this.record(manager, 'return.approved', actor, ret, cycle, {
        approvalId,
        revision: ret.revision,
        meetingDate: input.meetingDate,
        minuteReference: input.minuteReference,
      });
      // What other modules keep with the approval (the improvement plan as it stands).
      await this.hooks.run(manager, {
        returnId: id,
        approvalId,
        approver: actor,
        meetingDate: input.meetingDate,
        minuteReference: input.minuteReference,
      });
      const saved = await repo.findOneByOrFail({ id: approvalId });
      return toApproval(saved, await this.people.byIds([actor.id], manager));
    });
  }

  /**
   * Awaiting approval → draft: a board approver sends the return back to the team with the board's
   * comments, instead of approving it. The decline is kept for good; the lead sees it until the return
   * is marked ready again.
   */
  decline(id: string, input: DeclineDto, actor: Principal): Promise<ReturnDetail> {
    return this.transition(id, actor, async (manager, { ret, cycle }) => {
      if (ret.state === 'submitted') throw sealed();
      CyclesService.assertOpen(cycle);
      if (ret.state !== 'awaiting-approval') {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'RETURN_NOT_AWAITING_APPROVAL',
          ret.state === 'draft'
            ? 'The return is a draft: the board can send it back only while it is awaiting approval.'
            : 'The board has already approved this revision, so it can no longer be sent back. A change to the return withdraws the approval.',
        );
      }
      const inserted = await manager.getRepository(ReturnDeclineEntity).insert({
        returnId: id,
        revision: ret.revision,
        declinerId: actor.id,
        reason: input.reason,
        meetingDate: input.meetingDate ?? null,
        minuteReference: input.minuteReference || null,
      });
      await this.setState(manager, ret, 'draft');
      await this.record(manager, 'return.declined', actor, ret, cycle, {
        declineId: (inserted.identifiers[0] as { id: string }).id,
        revision: ret.revision,
        reason: input.reason,
        meetingDate: input.meetingDate ?? null,
        minuteReference: input.minuteReference || null,
      });
    });
  }

  /** Approved → submitted: the return is sealed as canonical JSON with its SHA-256, and becomes read-only. */
  async submit(id: string, actor: Principal): Promise<ReturnDetail> {
    return this.transition(id, actor, async (manager, loaded) => {
      const { ret, cycle } = loaded;
      if (ret.state === 'submitted') throw sealed();
      CyclesService.assertOpen(cycle);
      const framework = await this.store.framework(ret, manager);
      const answers = await this.answers(manager, ret);
      const view = viewReturn(framework, ret.careSetting, answers);
      const approvals = await manager
        .getRepository(ReturnApprovalEntity)
        .find({ where: { returnId: id, revision: ret.revision }, order: { approvedAt: 'ASC' } });
      const active = approvals.filter((a) => a.withdrawnAt === null);
      const missing = [...view.missingDomains];
      if (active.length === 0 || ret.state !== 'approved') {
        missing.push({
          kind: 'approval',
          domainId: null,
          measure: null,
          title: 'Board approval',
          reason: 'no-approval',
        });
      }
      if (missing.length > 0) {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'RETURN_NOT_APPROVED',
          'The return cannot be submitted yet: every domain needs an answer and the board must approve it.',
          missingAsErrors(missing),
        );
      }
      const evidence = await manager
        .getRepository(EvidenceEntity)
        .find({ where: { returnId: id, removedAt: IsNull() }, order: { id: 'ASC' } });
      const people = await this.people.byIds([...active.map((a) => a.approverId), actor.id], manager);
      const [summary] = await this.returns.summaries([ret], manager);
      const personOf = (userId: string) => {
        const p = people.get(userId);
        return { id: userId, displayName: p?.displayName ?? '', email: p?.email ?? '' };
      };
      const snapshot = buildSealedReturn({
        return: {
          id,
          cycle: { id: cycle.id, name: cycle.name, referenceDate: cycle.referenceDate },
          level: ret.level,
          owner: summary!.owner,
          careSetting: ret.careSetting,
          revision: ret.revision,
        },
        framework,
        answers,
        evidence,
        scores: view.scores,
        approvals: active.map((a) => ({
          approver: personOf(a.approverId),
          meetingDate: a.meetingDate,
          minuteReference: a.minuteReference,
          approvedAt: a.approvedAt.toISOString(),
        })),
        submittedBy: personOf(actor.id),
        submittedAt: new Date().toISOString(),
      });
      const { text, sha256 } = sealSnapshot(snapshot);
      await manager.getRepository(ReturnSealEntity).insert({
        returnId: id,
        revision: ret.revision,
        snapshot: text,
        sha256,
        sealedBy: actor.id,
      });
      // Scored once, as sealed, beside published results: every view reads both the same way. The
      // results views forget what they hold once this transaction commits.
      await this.results.recordSealed(manager, {
        cycleId: cycle.id,
        referenceDate: cycle.referenceDate,
        returnId: id,
        revision: ret.revision,
        level: ret.level,
        organisationCode: ret.organisationCode,
        icsCode: ret.icsCode,
        careSetting: ret.careSetting,
        scores: view.scores,
      });
      await this.setState(manager, ret, 'submitted');
      await this.record(manager, 'return.submitted', actor, ret, cycle, {
        revision: ret.revision,
        sha256,
        overall: view.scores.overall,
      });
    });
  }

  /** Submitted → draft of the next revision (national administrators, with a reason). */
  reopen(id: string, input: ReopenDto, actor: Principal): Promise<ReturnDetail> {
    return this.transition(id, actor, async (manager, { ret, cycle }) => {
      if (ret.state !== 'submitted') throw wrongState(ret, 'only a submitted return can be reopened');
      // A draft nobody can change would be a dead end: the cycle must be open (move its dates first).
      CyclesService.assertOpen(cycle);
      const from = ret.revision;
      ret.revision = from + 1;
      ret.state = 'draft';
      ret.updatedAt = new Date();
      await manager
        .getRepository(AssessmentReturnEntity)
        .update({ id }, { state: ret.state, revision: ret.revision, updatedAt: ret.updatedAt });
      await this.record(manager, 'return.reopened', actor, ret, cycle, {
        reason: input.reason,
        fromRevision: from,
        revision: ret.revision,
      });
    });
  }

  async sealText(id: string, revision: number): Promise<{ text: string; fileName: string }> {
    const seal = await this.store.seal(id, revision);
    return { text: seal.snapshot, fileName: `return-${id}-revision-${revision}.json` };
  }

  /** The stored copy against its hash, and the live rows of the revision against the stored copy. */
  async verify(id: string, revision: number): Promise<SealVerification> {
    return this.sealCheck.check(await this.store.seal(id, revision));
  }

  private async transition(
    id: string,
    actor: Principal,
    change: (manager: EntityManager, loaded: LoadedReturn) => Promise<void>,
  ): Promise<ReturnDetail> {
    // The detail is read after the commit: it places the return through the policy's own queries.
    const loaded = await this.store.dataSource.transaction(async (manager) => {
      const locked = await this.store.lock(manager, id);
      await change(manager, locked);
      return locked;
    });
    return this.returns.detailOf(loaded, actor);
  }

  private answers(manager: EntityManager, ret: AssessmentReturnEntity): Promise<DomainAnswerEntity[]> {
    return manager
      .getRepository(DomainAnswerEntity)
      .find({ where: { returnId: ret.id }, order: { domainId: 'ASC' } });
  }

  private async setState(
    manager: EntityManager,
    ret: AssessmentReturnEntity,
    state: AssessmentReturnEntity['state'],
  ) {
    ret.state = state;
    ret.updatedAt = new Date();
    await manager
      .getRepository(AssessmentReturnEntity)
      .update({ id: ret.id }, { state, updatedAt: ret.updatedAt });
  }

  private record(
    manager: EntityManager,
    action:
      'return.marked-ready' | 'return.approved' | 'return.declined' | 'return.submitted' | 'return.reopened',
    actor: Principal,
    ret: AssessmentReturnEntity,
    cycle: LoadedReturn['cycle'],
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      { action, actor, target: { type: 'return', id: ret.id, label: returnLabel(ret, cycle) }, details },
      manager,
    );
  }
}
