import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  CreateReturnsResult,
  ReturnDetail,
  ReturnHistory,
  ReturnList,
  ReturnPermissions,
  ReturnSummary,
} from '@wgll/contracts';
import type { CareSetting, FrameworkVersion } from '@wgll/framework';
import { type EntityManager, In, IsNull } from 'typeorm';
import { ApiException, invalidField, NotFoundApiException } from '../../common/api-exception.js';
import { can } from '../access/policy.js';
import { PolicyService } from '../access/policy.service.js';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { CycleEntity } from '../cycles/cycle.entity.js';
import { cycleStatus } from '../cycles/cycles.mapper.js';
import { cycleRetired } from '../cycles/cycles.service.js';
import { todayInLondon } from '../../common/iso-date.js';
import { DemoMarkersRepository } from '../demo/demo-markers.repository.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { IcsEntity } from '../organisations/entities/ics.entity.js';
import { OrganisationEntity } from '../organisations/entities/organisation.entity.js';
import { CarryForwardService } from './carry-forward.service.js';
import type { CreateOrganisationReturnsDto, CreateSystemReturnDto } from './dto/returns.dto.js';
import { AssessmentReturnEntity } from './entities/assessment-return.entity.js';
import { readAll } from '../../database/read-all.js';
import { AnswersRepository } from './answers.repository.js';
import { DomainAnswerEntity } from './entities/domain-answer.entity.js';
import { EvidenceEntity } from './entities/evidence.entity.js';
import { ReturnApprovalEntity } from './entities/return-approval.entity.js';
import { ReturnDeclineEntity } from './entities/return-decline.entity.js';
import { ReturnAssignmentEntity } from './entities/return-assignment.entity.js';
import { ReturnSealEntity } from './entities/return-seal.entity.js';
import { PeopleRepository } from '../users/people.repository.js';
import { type LoadedReturn, returnLabel, ReturnStore } from './return-store.js';
import { viewReturn } from './return-view.js';
import { toAnswer, toApproval, toAssignment, toDecline, toEvidence, toSeal } from './returns.mapper.js';

type Owner = { type: 'organisation'; code: string } | { type: 'ics'; code: string };

/** Creating, listing and reading returns. */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly store: ReturnStore,
    private readonly people: PeopleRepository,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly carryForward: CarryForwardService,
    private readonly demo: DemoMarkersRepository,
    private readonly answers: AnswersRepository,
    private readonly frameworks: FrameworksService,
  ) {}

  private get manager(): EntityManager {
    return this.store.dataSource.manager;
  }

  async list(owner: Owner, cycleId: string | undefined): Promise<ReturnList> {
    // The guard lets national administrators through for a code that does not exist, so that the
    // answer is "not found" rather than an empty list.
    if (owner.type === 'organisation') {
      if (!(await this.manager.getRepository(OrganisationEntity).existsBy({ odsCode: owner.code }))) {
        throw new NotFoundApiException(
          'ORGANISATION_NOT_FOUND',
          `There is no organisation with the code ${owner.code}.`,
        );
      }
    } else if (!(await this.manager.getRepository(IcsEntity).existsBy({ odsCode: owner.code }))) {
      throw new NotFoundApiException('ICS_NOT_FOUND', `There is no ICB with the code ${owner.code}.`);
    }
    const rows = await this.manager.getRepository(AssessmentReturnEntity).find({
      where: {
        ...(owner.type === 'organisation' ? { organisationCode: owner.code } : { icsCode: owner.code }),
        ...(cycleId ? { cycleId } : {}),
      },
      order: { createdAt: 'DESC', careSetting: 'ASC' },
    });
    return { items: await this.summaries(rows) };
  }

  async createForOrganisation(
    code: string,
    input: CreateOrganisationReturnsDto,
    actor: Principal,
  ): Promise<CreateReturnsResult> {
    const organisation = await this.manager.getRepository(OrganisationEntity).findOneBy({ odsCode: code });
    if (!organisation) {
      throw new NotFoundApiException(
        'ORGANISATION_NOT_FOUND',
        `There is no organisation with the code ${code}.`,
      );
    }
    const runs = organisation.careSettings;
    const wanted = input.careSettings ?? runs;
    const foreign = wanted.filter((c) => !runs.includes(c));
    if (wanted.length === 0 || foreign.length > 0) {
      throw invalidField(
        'careSettings',
        runs.length === 0
          ? `${organisation.name} has no care settings on record, so it has no returns to start`
          : `${organisation.name} runs ${runs.join(', ')}; it cannot have a return for ${foreign.join(', ') || 'no care setting'}`,
      );
    }
    return this.create(
      input,
      actor,
      wanted.map((careSetting) => ({ organisationCode: code, careSetting })),
    );
  }

  async createForIcs(
    code: string,
    input: CreateSystemReturnDto,
    actor: Principal,
  ): Promise<CreateReturnsResult> {
    if (!(await this.manager.getRepository(IcsEntity).existsBy({ odsCode: code }))) {
      throw new NotFoundApiException('ICS_NOT_FOUND', `There is no ICB with the code ${code}.`);
    }
    return this.create(input, actor, [{ icsCode: code }]);
  }

  private async create(
    input: { cycleId: string; carryForward?: boolean },
    actor: Principal,
    owners: ({ organisationCode: string; careSetting: CareSetting } | { icsCode: string })[],
  ): Promise<CreateReturnsResult> {
    const cycle = await this.manager.getRepository(CycleEntity).findOneBy({ id: input.cycleId });
    if (!cycle) throw invalidField('cycleId', 'There is no such assessment cycle');
    if (cycle.retiredAt) throw cycleRetired(cycle.name);
    if (cycleStatus(cycle, todayInLondon()) === 'closed') {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'CYCLE_NOT_OPEN',
        `The ${cycle.name} cycle closed on ${cycle.closesOn}; no more returns can be started in it.`,
      );
    }
    const { created, existing } = await this.store.dataSource.transaction(async (manager) => {
      // Read again under a shared lock: a cycle retired meanwhile (its retirement holds the row) is refused.
      const locked = await manager
        .getRepository(CycleEntity)
        .findOneOrFail({ where: { id: cycle.id }, lock: { mode: 'pessimistic_read' } });
      if (locked.retiredAt) throw cycleRetired(locked.name);
      const repo = manager.getRepository(AssessmentReturnEntity);
      const created: AssessmentReturnEntity[] = [];
      const existing: AssessmentReturnEntity[] = [];
      for (const owner of owners) {
        const system = 'icsCode' in owner;
        const result = await repo
          .createQueryBuilder()
          .insert()
          .values({
            cycleId: cycle.id,
            level: system ? 'system' : 'organisation',
            organisationCode: system ? null : owner.organisationCode,
            careSetting: system ? null : owner.careSetting,
            icsCode: system ? owner.icsCode : null,
            frameworkId: system ? cycle.systemFrameworkId : cycle.organisationFrameworkId,
            frameworkVersion: system ? cycle.systemFrameworkVersion : cycle.organisationFrameworkVersion,
            createdBy: actor.id,
          })
          .orIgnore()
          .returning(['id'])
          .execute();
        const id = (result.raw as { id: string }[])[0]?.id;
        if (!id) {
          existing.push(
            await repo.findOneByOrFail(
              system
                ? { cycleId: cycle.id, level: 'system', icsCode: owner.icsCode }
                : {
                    cycleId: cycle.id,
                    organisationCode: owner.organisationCode,
                    careSetting: owner.careSetting,
                  },
            ),
          );
          continue;
        }
        const ret = await repo.findOneByOrFail({ id });
        const carried = input.carryForward ? await this.carryForward.apply(manager, ret, cycle, actor) : null;
        await this.audit.record(
          {
            action: 'return.created',
            actor,
            target: { type: 'return', id, label: returnLabel(ret, cycle) },
            details: { cycle: cycle.name, careSetting: ret.careSetting, carriedForward: carried },
          },
          manager,
        );
        created.push(await repo.findOneByOrFail({ id }));
      }
      return { created, existing };
    });
    return { created: await this.summaries(created), existing: await this.summaries(existing) };
  }

  /** Summaries of several returns, reading what they share once. */
  async summaries(rows: AssessmentReturnEntity[], manager = this.manager): Promise<ReturnSummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const carriedIds = rows.map((r) => r.carriedForwardFrom).filter((id): id is string => id !== null);
    const [cycles, answers, carriedFrom, names, demo] = await readAll(manager, [
      () => manager.getRepository(CycleEntity).findBy({ id: In([...new Set(rows.map((r) => r.cycleId))]) }),
      () => this.answers.choicesOf(manager, ids),
      () =>
        carriedIds.length > 0
          ? manager.getRepository(AssessmentReturnEntity).findBy({ id: In(carriedIds) })
          : Promise.resolve([]),
      () => this.ownerNames(rows, manager),
      () => this.demo.marked('return', ids, manager),
    ]);
    const carriedCycles =
      carriedFrom.length > 0
        ? await manager.getRepository(CycleEntity).findBy({ id: In(carriedFrom.map((r) => r.cycleId)) })
        : [];
    const today = todayInLondon();
    const summaries: ReturnSummary[] = [];
    for (const ret of rows) {
      const cycle = cycles.find((c) => c.id === ret.cycleId)!;
      const own = answers.filter((a) => a.returnId === ret.id);
      const view = viewReturn(await this.store.framework(ret, manager), ret.careSetting, own);
      // Answer saves leave the return row alone (so saves of different answers do not queue on it):
      // the return last changed when it or any of its answers did.
      const updatedAt = own.reduce((t, a) => (a.updatedAt > t ? a.updatedAt : t), ret.updatedAt);
      const source = carriedFrom.find((r) => r.id === ret.carriedForwardFrom);
      summaries.push({
        id: ret.id,
        cycle: { id: cycle.id, name: cycle.name, status: cycleStatus(cycle, today) },
        level: ret.level,
        owner: ret.organisationCode
          ? { type: 'organisation', code: ret.organisationCode, name: names.get(ret.organisationCode) ?? '' }
          : { type: 'ics', code: ret.icsCode!, name: names.get(ret.icsCode!) ?? '' },
        careSetting: ret.careSetting,
        state: ret.state,
        revision: ret.revision,
        framework: { frameworkId: ret.frameworkId, version: ret.frameworkVersion },
        progress: view.progress,
        overall: view.scores.overall,
        carriedForwardFrom: source
          ? { returnId: source.id, cycleName: carriedCycles.find((c) => c.id === source.cycleId)?.name ?? '' }
          : null,
        demo: demo.has(ret.id),
        createdAt: ret.createdAt.toISOString(),
        updatedAt: updatedAt.toISOString(),
      });
    }
    return summaries;
  }

  private async ownerNames(
    rows: AssessmentReturnEntity[],
    manager: EntityManager,
  ): Promise<Map<string, string>> {
    const orgCodes = [...new Set(rows.map((r) => r.organisationCode).filter((c): c is string => c !== null))];
    const icsCodes = [...new Set(rows.map((r) => r.icsCode).filter((c): c is string => c !== null))];
    const [orgs, systems] = await readAll(manager, [
      () =>
        orgCodes.length
          ? manager.getRepository(OrganisationEntity).findBy({ odsCode: In(orgCodes) })
          : Promise.resolve([]),
      () =>
        icsCodes.length
          ? manager.getRepository(IcsEntity).findBy({ odsCode: In(icsCodes) })
          : Promise.resolve([]),
    ]);
    return new Map([...orgs, ...systems].map((o) => [o.odsCode, o.name]));
  }

  /**
   * The framework version a return is answered against, with only its care setting's domains: what
   * GET /frameworks/:frameworkId/versions/:version?careSetting= answers for the return's version and
   * care setting, asked for by the return's id so a page can ask for it beside the return.
   */
  async framework(id: string): Promise<FrameworkVersion> {
    const { ret } = await this.store.load(id);
    return this.frameworks.get(ret.frameworkId, ret.frameworkVersion, ret.careSetting ?? undefined);
  }

  async detail(id: string, user: Principal): Promise<ReturnDetail> {
    const loaded = await this.store.load(id);
    return this.detailOf(loaded, user);
  }

  /** Read outside any transaction: permissions go through the policy's own queries. */
  async detailOf({ ret, cycle }: LoadedReturn, user: Principal): Promise<ReturnDetail> {
    const manager = this.manager;
    const [summary] = await this.summaries([ret], manager);
    const [answers, evidence, assignments, approvals, seals, framework, sentBack] = await Promise.all([
      manager
        .getRepository(DomainAnswerEntity)
        .find({ where: { returnId: ret.id }, order: { domainId: 'ASC' } }),
      manager
        .getRepository(EvidenceEntity)
        .find({ where: { returnId: ret.id, removedAt: IsNull() }, order: { addedAt: 'ASC' } }),
      manager
        .getRepository(ReturnAssignmentEntity)
        .find({ where: { returnId: ret.id }, order: { assignedAt: 'ASC' } }),
      manager
        .getRepository(ReturnApprovalEntity)
        .find({ where: { returnId: ret.id, revision: ret.revision }, order: { approvedAt: 'ASC' } }),
      manager.getRepository(ReturnSealEntity).find({
        where: { returnId: ret.id },
        select: { revision: true, sha256: true, sealedAt: true, sealedBy: true },
        order: { revision: 'ASC' },
      }),
      this.store.framework(ret, manager),
      // Within a revision a return is a draft again only when the board sent it back: the latest decline
      // stands until the return is marked ready again.
      ret.state === 'draft'
        ? manager.getRepository(ReturnDeclineEntity).findOne({
            where: { returnId: ret.id, revision: ret.revision },
            order: { declinedAt: 'DESC', id: 'DESC' },
          })
        : null,
    ]);
    const people = await this.people.byIds(
      [
        ...answers.map((a) => a.updatedBy),
        ...evidence.map((e) => e.addedBy),
        ...assignments.flatMap((a) => [a.assigneeId, a.assignedBy]),
        ...approvals.map((a) => a.approverId),
        ...seals.map((s) => s.sealedBy),
        ...(sentBack ? [sentBack.declinerId] : []),
      ],
      manager,
    );
    const view = viewReturn(framework, ret.careSetting, answers);
    const active = approvals.filter((a) => a.withdrawnAt === null);
    const missing = [...view.missingDomains];
    if (ret.state !== 'submitted' && active.length === 0) {
      missing.push({
        kind: 'approval',
        domainId: null,
        measure: null,
        title: 'Board approval',
        reason: 'no-approval',
      });
    }
    return {
      ...summary!,
      measures: view.measures,
      answers: answers.map((a) => toAnswer(a, people)),
      scores: view.scores,
      evidence: evidence.map((e) =>
        toEvidence(
          e,
          answers.filter((a) => a.evidenceIds.includes(e.id)).map((a) => a.domainId),
          people,
        ),
      ),
      assignments: assignments.map((a) => toAssignment(a, people)),
      approvals: approvals.map((a) => toApproval(a, people)),
      sentBack: sentBack ? toDecline(sentBack, people) : null,
      missing,
      seals: seals.map((s) => toSeal(s, people)),
      permissions: await this.permissions(user, ret, cycle),
    };
  }

  private async permissions(
    user: Principal,
    ret: AssessmentReturnEntity,
    cycle: CycleEntity,
  ): Promise<ReturnPermissions> {
    const resource = await this.policy.resolve('return', ret.id, cycle.referenceDate);
    const allowed = (action: Parameters<typeof can>[1]) =>
      resource !== null && can(user.grants, action, resource);
    const editable =
      ret.state !== 'submitted' && !cycle.retiredAt && cycleStatus(cycle, todayInLondon()) === 'open';
    return {
      answer: editable && allowed('return:answer'),
      assign: ret.state !== 'submitted' && !cycle.retiredAt && allowed('return:assign'),
      submit: editable && allowed('return:submit'),
      approve: editable && ret.state !== 'draft' && allowed('return:approve'),
      decline: editable && ret.state === 'awaiting-approval' && allowed('return:approve'),
      reopen: ret.state === 'submitted' && !cycle.retiredAt && allowed('return:reopen'),
    };
  }

  async history(id: string, page: number, pageSize: number): Promise<ReturnHistory> {
    await this.store.load(id);
    return this.audit.list({ page, pageSize }, { type: 'return', id });
  }
}
