import { HttpStatus, Injectable } from '@nestjs/common';
import type { FieldError, SaveAnswerResult } from '@wgll/contracts';
import type { FrameworkDomain } from '@wgll/framework';
import { domainLevel } from '@wgll/scoring';
import { type EntityManager, In, IsNull } from 'typeorm';
import { ApiException, invalidField, invalidFields } from '../../common/api-exception.filter.js';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import type { ConfirmAnswerDto, SaveAnswerDto } from './dto/returns.dto.js';
import { DomainAnswerEntity } from './entities/domain-answer.entity.js';
import { EvidenceEntity } from './entities/evidence.entity.js';
import { PeopleRepository } from '../users/people.repository.js';
import { type EditContext, returnLabel, ReturnStore } from './return-store.js';
import { applicableDomains } from './return-view.js';
import { toAnswer } from './returns.mapper.js';

type AnswerContent = Pick<
  DomainAnswerEntity,
  'met' | 'notApplicable' | 'comment' | 'confidence' | 'evidenceIds'
>;

/** What the audit log keeps of an answer, before and after a change. */
function auditView(domain: FrameworkDomain, a: AnswerContent | null) {
  if (!a) return null;
  return {
    level: a.notApplicable ? null : domainLevel(domain, new Set(a.met)),
    met: [...a.met].sort(),
    notApplicable: a.notApplicable,
    comment: a.comment,
    confidence: a.confidence,
    evidenceIds: [...a.evidenceIds].sort(),
  };
}

function sameContent(a: AnswerContent, b: AnswerContent): boolean {
  const set = (x: readonly string[]) => [...x].sort().join('\n');
  return (
    set(a.met) === set(b.met) &&
    a.notApplicable === b.notApplicable &&
    a.comment === b.comment &&
    a.confidence === b.confidence &&
    set(a.evidenceIds) === set(b.evidenceIds)
  );
}

/**
 * Saving domain answers with optimistic versions: a write based on a stale version is refused with
 * the stored answer (409 ANSWER_CONFLICT), never applied over it.
 */
@Injectable()
export class AnswersService {
  constructor(
    private readonly store: ReturnStore,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
  ) {}

  save(id: string, domainId: string, input: SaveAnswerDto, actor: Principal): Promise<SaveAnswerResult> {
    return this.store.dataSource.transaction(async (manager) => {
      const context = await this.store.beginEdit(manager, id);
      const domain = this.domainOf(context, domainId);
      const content: AnswerContent = {
        met: [...new Set(input.met)],
        notApplicable: input.notApplicable,
        comment: input.comment,
        confidence: input.confidence ?? null,
        evidenceIds: [...new Set(input.evidenceIds)],
      };
      // A stale edit is a conflict whatever it holds: the person must first see what is stored.
      const current = await this.current(manager, id, domainId, input.baseVersion);
      await this.validate(manager, context, domain, content);
      if (current && !current.toConfirm && sameContent(current, content)) {
        return this.result(manager, context, current, 0);
      }
      const version = (current?.version ?? 0) + 1;
      const answers = manager.getRepository(DomainAnswerEntity);
      const saved = {
        returnId: id,
        domainId,
        ...content,
        version,
        toConfirm: false,
        updatedBy: actor.id,
        updatedAt: new Date(),
      };
      if (current) await answers.update({ returnId: id, domainId }, saved);
      else await answers.insert(saved);
      const withdrawn = await this.store.recordEdit(manager, context, actor, `answer to ${domain.title}`);
      await this.audit.record(
        {
          action: 'return.answer-saved',
          actor,
          target: { type: 'return', id, label: returnLabel(context.ret, context.cycle) },
          details: {
            domainId,
            revision: context.ret.revision,
            version,
            before: auditView(domain, current),
            after: auditView(domain, content),
          },
        },
        manager,
      );
      return this.result(manager, context, saved, withdrawn, actor);
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
      const domain = this.domainOf(context, domainId);
      const current = await this.current(manager, id, domainId, input.baseVersion);
      if (!current?.toConfirm) return this.result(manager, context, current!, 0);
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
        context,
        await answers.findOneByOrFail({ returnId: id, domainId }),
        withdrawn,
      );
    });
  }

  private domainOf(context: EditContext, domainId: string): FrameworkDomain {
    const domain = applicableDomains(context.framework, context.ret.careSetting).find(
      (d) => d.id === domainId,
    );
    if (!domain) {
      throw invalidField(
        'domainId',
        `${domainId} is not a domain of this return's framework and care setting`,
      );
    }
    return domain;
  }

  /** The stored answer, after checking the edit is based on it (0: there was none). */
  private async current(
    manager: EntityManager,
    id: string,
    domainId: string,
    baseVersion: number,
  ): Promise<DomainAnswerEntity | null> {
    const current = await manager.getRepository(DomainAnswerEntity).findOneBy({ returnId: id, domainId });
    if ((current?.version ?? 0) !== baseVersion) {
      const people = await this.people.byIds([current?.updatedBy ?? null], manager);
      throw new ApiException(
        HttpStatus.CONFLICT,
        'ANSWER_CONFLICT',
        'Someone else changed this answer since you opened it. Choose which version to keep.',
        undefined,
        undefined,
        { current: current ? toAnswer(current, people) : null },
      );
    }
    return current;
  }

  private async validate(
    manager: EntityManager,
    context: EditContext,
    domain: FrameworkDomain,
    content: AnswerContent,
  ): Promise<void> {
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
    if (content.evidenceIds.length > 0) {
      const found = await manager.getRepository(EvidenceEntity).count({
        where: { returnId: context.ret.id, id: In(content.evidenceIds), removedAt: IsNull() },
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

  private async result(
    manager: EntityManager,
    context: EditContext,
    answer: DomainAnswerEntity,
    approvalsWithdrawn: number,
    editor?: Principal,
  ): Promise<SaveAnswerResult> {
    // The one who just saved needs no lookup.
    const people =
      editor && answer.updatedBy === editor.id
        ? new Map([[editor.id, { id: editor.id, displayName: editor.displayName, email: editor.email }]])
        : await this.people.byIds([answer.updatedBy], manager);
    return { answer: toAnswer(answer, people), state: context.ret.state, approvalsWithdrawn };
  }
}
