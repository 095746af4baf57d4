import { HttpStatus, Injectable } from '@nestjs/common';
import type { CareSetting, FieldError, ReturnState, SaveAnswerResult } from '@wgll/contracts';
import type { FrameworkDomain, FrameworkVersion } from '@wgll/framework';
import { type EntityManager, In, IsNull } from 'typeorm';
import { ApiException, invalidField, invalidFields } from '../../common/api-exception.js';
import type { Principal } from '../access/principal.js';
import { type AuditEntry, AuditService } from '../audit/audit.service.js';
import { todayInLondon } from '../../common/iso-date.js';
import type { ConfirmAnswerDto, SaveAnswerDto } from './dto/returns.dto.js';
import { DomainAnswerEntity } from './entities/domain-answer.entity.js';
import { EvidenceEntity } from './entities/evidence.entity.js';
import { PeopleRepository } from '../users/people.repository.js';
import { cycleStatus } from '../cycles/cycles.mapper.js';
import { CyclesService } from '../cycles/cycles.service.js';
import { type AnswerTarget, AnswersRepository, type ReturnLock } from './answers.repository.js';
import { returnLabel, returnNotFound, ReturnStore, sealed } from './return-store.js';
import { applicableDomains } from './return-view.js';
import { type AnswerContent, auditView, contentOf, sameContent } from './answer-content.js';
import { toAnswer } from './returns.mapper.js';
import { AnswerMemory } from './answer-memory.js';

/**
 * Saving domain answers with optimistic versions: a write based on a stale version is refused with
 * the stored answer (409 ANSWER_CONFLICT), never applied over it.
 */
@Injectable()
export class AnswersService {
  constructor(
    private readonly store: ReturnStore,
    private readonly answers: AnswersRepository,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
  ) {}

  private readonly memory = new AnswerMemory();

  /**
   * Saves one domain's answer. Saves of different domains of one return run side by side (a shared
   * lock on the return); only a save that withdraws board approvals, i.e. the first edit of an
   * approved return, runs alone on the return, since it changes the return's state.
   */
  async save(
    id: string,
    domainId: string,
    input: SaveAnswerDto,
    actor: Principal,
  ): Promise<SaveAnswerResult> {
    return (
      (await this.saveAtOnce(id, domainId, input, actor)) ??
      (await this.saveUnder('shared', id, domainId, input, actor)) ??
      (await this.saveUnder('exclusive', id, domainId, input, actor))!
    );
  }

  /**
   * The usual autosave, with no transaction: one statement when this process saved the same answer
   * last (what it then wrote and read is remembered, and the write checks it is all still so), two
   * otherwise (read, then write). The write stores the answer and its audit entry only if the return
   * is still in the state read (holding the return row FOR SHARE meanwhile) and the answer still at
   * the version read. Null, having written nothing, when anything is out of the ordinary (no such
   * return, sealed, approved, closed, stale, new evidence cited, or a change in between): the locked
   * path then decides, with the same rules.
   */
  private async saveAtOnce(
    id: string,
    domainId: string,
    input: SaveAnswerDto,
    actor: Principal,
  ): Promise<SaveAnswerResult | null> {
    const manager = this.store.dataSource.manager;
    const remembered = this.memory.get(id, domainId);
    if (remembered) {
      const saved = await this.writeAtOnce(manager, remembered, domainId, input, actor, true);
      if (saved) return saved;
      this.memory.forget(id, domainId);
    }
    const target = await this.answers.lockTarget(manager, id, domainId, 'none');
    return target && this.writeAtOnce(manager, target, domainId, input, actor, false);
  }

  /**
   * The checks and the write of `saveAtOnce` on `target`, read by this save or `remembered` from an
   * earlier one. Anything that a remembered target cannot answer for certain (invalid content, an
   * edit that changes nothing: both answered from what is stored) is left to a fresh read.
   */
  private async writeAtOnce(
    manager: EntityManager,
    target: AnswerTarget,
    domainId: string,
    input: SaveAnswerDto,
    actor: Principal,
    remembered: boolean,
  ): Promise<SaveAnswerResult | null> {
    const { ret, cycle, current } = target;
    if (ret.state !== 'draft' && ret.state !== 'awaiting-approval') return null;
    if (cycle.retiredAt || cycleStatus(cycle, todayInLondon()) !== 'open') return null;
    if ((current?.version ?? 0) !== input.baseVersion) return null;
    const content = contentOf(input);
    // Evidence the stored answer already cites is live (removing evidence changes every answer that
    // cites it, so the version check catches that); evidence newly cited is checked under the lock.
    const cited = new Set(current?.evidenceIds ?? []);
    if (content.evidenceIds.some((e) => !cited.has(e))) return null;
    const domain = this.domainOf(await this.store.framework(ret), ret.careSetting, domainId);
    const errors = this.contentErrors(domain, content);
    if (errors.length > 0) {
      if (remembered) return null;
      throw invalidFields(errors);
    }
    if (current && !current.toConfirm && sameContent(current, content)) {
      return remembered ? null : this.result(manager, ret.state, current, 0);
    }
    const saved = this.answerOf(ret.id, domainId, content, input.baseVersion, actor);
    const entry = this.entry(ret, cycle, domain, current, content, saved, actor);
    const written = await this.answers.write(
      manager,
      saved,
      input.baseVersion,
      (source, first) => this.audit.insertSql(entry, source, first),
      ret.state,
      remembered && current ? { ret, cycle, current } : undefined,
    );
    if (!written) return null;
    this.memory.remember({ ret, cycle, current: saved });
    return this.result(manager, ret.state, saved, 0, actor);
  }

  /** The save under one kind of lock on the return; null when a shared lock is not enough. */
  private saveUnder(
    lock: ReturnLock,
    id: string,
    domainId: string,
    input: SaveAnswerDto,
    actor: Principal,
  ): Promise<SaveAnswerResult | null> {
    return this.store.dataSource.transaction(async (manager) => {
      const target = await this.answers.lockTarget(manager, id, domainId, lock);
      if (!target) throw returnNotFound();
      const { ret, cycle, current } = target;
      if (ret.state === 'submitted') throw sealed();
      CyclesService.assertOpen(cycle);
      if (ret.state === 'approved' && lock === 'shared') return null;
      const framework = await this.store.framework(ret, manager);
      const domain = this.domainOf(framework, ret.careSetting, domainId);
      const content = contentOf(input);
      // A stale edit is a conflict whatever it holds: the person must first see what is stored.
      if ((current?.version ?? 0) !== input.baseVersion) await this.conflict(manager, current, actor);
      await this.validate(manager, id, domain, content, true);
      if (current && !current.toConfirm && sameContent(current, content)) {
        return this.result(manager, ret.state, current, 0);
      }
      // Approvals are withdrawn before the answer is written, so the audit log tells it in that order.
      const withdrawn =
        lock === 'exclusive'
          ? await this.store.recordEdit(manager, { ret, cycle }, actor, `answer to ${domain.title}`)
          : 0;
      const saved = this.answerOf(id, domainId, content, input.baseVersion, actor);
      const entry = this.entry(ret, cycle, domain, current, content, saved, actor);
      const written = await this.answers.write(manager, saved, input.baseVersion, (source, first) =>
        this.audit.insertSql(entry, source, first),
      );
      // Another save of this answer committed since it was read.
      if (!written) await this.conflict(manager, await this.answers.find(manager, id, domainId), actor);
      return this.result(manager, ret.state, saved, withdrawn, actor);
    });
  }

  /** Keeps a carried-forward answer as it is: it stops being "to confirm". */
  confirm(
    id: string,
    domainId: string,
    input: ConfirmAnswerDto,
    actor: Principal,
  ): Promise<SaveAnswerResult> {
    return this.store.dataSource.transaction(async (manager) => {
      const context = await this.store.beginEdit(manager, id);
      const domain = this.domainOf(context.framework, context.ret.careSetting, domainId);
      const current = await this.answers.find(manager, id, domainId);
      if ((current?.version ?? 0) !== input.baseVersion) await this.conflict(manager, current, actor);
      if (!current?.toConfirm) return this.result(manager, context.ret.state, current!, 0);
      const answers = manager.getRepository(DomainAnswerEntity);
      await answers.update(
        { returnId: id, domainId },
        { toConfirm: false, version: current.version + 1, updatedBy: actor.id, updatedAt: new Date() },
      );
      const withdrawn = await this.store.recordEdit(
        manager,
        context,
        actor,
        `answer to ${domain.title} confirmed`,
      );
      await this.audit.record(
        {
          action: 'return.answer-confirmed',
          actor,
          target: { type: 'return', id, label: returnLabel(context.ret, context.cycle) },
          details: { domainId, revision: context.ret.revision, version: current.version + 1 },
        },
        manager,
      );
      return this.result(
        manager,
        context.ret.state,
        await answers.findOneByOrFail({ returnId: id, domainId }),
        withdrawn,
      );
    });
  }

  private domainOf(
    framework: FrameworkVersion,
    careSetting: CareSetting | null,
    domainId: string,
  ): FrameworkDomain {
    const domain = applicableDomains(framework, careSetting).find((d) => d.id === domainId);
    if (!domain) {
      throw invalidField(
        'domainId',
        `${domainId} is not a domain of this return's framework and care setting`,
      );
    }
    return domain;
  }

  private answerOf(
    id: string,
    domainId: string,
    content: AnswerContent,
    baseVersion: number,
    actor: Principal,
  ): DomainAnswerEntity {
    return {
      returnId: id,
      domainId,
      ...content,
      version: baseVersion + 1,
      toConfirm: false,
      updatedBy: actor.id,
      updatedAt: new Date(),
    };
  }

  /** The audit entry of a save: the answer before and after, with its domain level. */
  private entry(
    ret: AnswerTarget['ret'],
    cycle: AnswerTarget['cycle'],
    domain: FrameworkDomain,
    current: AnswerContent | null,
    content: AnswerContent,
    saved: DomainAnswerEntity,
    actor: Principal,
  ): AuditEntry {
    return {
      action: 'return.answer-saved',
      actor,
      target: { type: 'return', id: ret.id, label: returnLabel(ret, cycle) },
      details: {
        domainId: saved.domainId,
        revision: ret.revision,
        version: saved.version,
        before: auditView(domain, current),
        after: auditView(domain, content),
      },
    };
  }

  /**
   * Refuses an edit not based on the stored answer, showing that answer (null: there is none) with
   * who saved it and when; the message says when that was the same person, in another window.
   */
  private async conflict(
    manager: EntityManager,
    current: DomainAnswerEntity | null,
    actor: Principal,
  ): Promise<never> {
    const people = await this.people.byIds([current?.updatedBy ?? null], manager);
    const yours = current !== null && current.updatedBy === actor.id;
    throw new ApiException(
      HttpStatus.CONFLICT,
      'ANSWER_CONFLICT',
      yours
        ? 'You saved this answer in another window or tab since you opened it here. Choose which version to keep.'
        : 'Someone else changed this answer since you opened it. Choose which version to keep.',
      undefined,
      undefined,
      { current: current ? toAnswer(current, people) : null },
    );
  }

  private async validate(
    manager: EntityManager,
    returnId: string,
    domain: FrameworkDomain,
    content: AnswerContent,
    checkEvidence: boolean,
  ): Promise<void> {
    const errors = this.contentErrors(domain, content);
    if (checkEvidence && content.evidenceIds.length > 0) {
      const found = await manager.getRepository(EvidenceEntity).count({
        where: { returnId, id: In(content.evidenceIds), removedAt: IsNull() },
      });
      if (found !== content.evidenceIds.length) {
        errors.push({
          field: 'evidenceIds',
          messages: ['Some of the evidence is not part of this return (it may have been removed)'],
        });
      }
    }
    if (errors.length > 0) {
      throw invalidFields(errors);
    }
  }

  /** What is wrong with `content` as an answer to `domain`, the evidence aside. */
  private contentErrors(domain: FrameworkDomain, content: AnswerContent): FieldError[] {
    const errors: FieldError[] = [];
    const elements = new Set(domain.levels.flatMap((l) => l.elements.map((e) => e.id)));
    const unknown = content.met.filter((e) => !elements.has(e));
    if (unknown.length > 0) {
      errors.push({
        field: 'met',
        messages: [
          `${unknown.join(', ')} ${unknown.length === 1 ? 'is not an element' : 'are not elements'} of ${domain.title}`,
        ],
      });
    }
    if (content.notApplicable && !domain.notApplicableAllowed) {
      errors.push({
        field: 'notApplicable',
        messages: [`${domain.title} cannot be answered as not applicable`],
      });
    } else if (content.notApplicable && content.met.length > 0) {
      errors.push({ field: 'met', messages: ['A domain answered as not applicable has no elements met'] });
    }
    if (content.noneMet && content.notApplicable) {
      errors.push({
        field: 'noneMet',
        messages: ['Choose either "not applicable" or "none of these is met yet", not both'],
      });
    } else if (content.noneMet && content.met.length > 0) {
      errors.push({
        field: 'noneMet',
        messages: ['Untick the elements met, or do not confirm that none of them is met yet'],
      });
    }
    return errors;
  }

  private async result(
    manager: EntityManager,
    state: ReturnState,
    answer: DomainAnswerEntity,
    approvalsWithdrawn: number,
    editor?: Principal,
  ): Promise<SaveAnswerResult> {
    // The one who just saved needs no lookup.
    const people =
      editor && answer.updatedBy === editor.id
        ? new Map([[editor.id, { id: editor.id, displayName: editor.displayName, email: editor.email }]])
        : await this.people.byIds([answer.updatedBy], manager);
    return { answer: toAnswer(answer, people), state, approvalsWithdrawn };
  }
}
