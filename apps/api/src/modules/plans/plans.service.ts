import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ApprovedPlan,
  AuditAction,
  FieldError,
  ImprovementPlan,
  PlanAction,
  PlanApprovalRecord,
} from '@wgll/contracts';
import { DataSource, type EntityManager, In } from 'typeorm';
import {
  ApiException,
  invalidField,
  invalidFields,
  NotFoundApiException,
} from '../../common/api-exception.js';
import { can, returnRolesThatMay } from '../access/policy.js';
import { PolicyService } from '../access/policy.service.js';
import type { Principal } from '../access/principal.js';
import type { ReturnApproved } from '../assessments/approval-hooks.js';
import { AssessmentsReader, type ReturnForPlan } from '../assessments/assessments.reader.js';
import { AuditService } from '../audit/audit.service.js';
import { PeopleRepository } from '../users/people.repository.js';
import type {
  ApprovePlanDto,
  CreateActionDto,
  MergeActionsDto,
  SavePlanDto,
  UpdateActionDto,
} from './dto/plans.dto.js';
import { ImprovementPlanEntity } from './entities/improvement-plan.entity.js';
import { PlanActionEntity } from './entities/plan-action.entity.js';
import { PlanApprovalEntity } from './entities/plan-approval.entity.js';
import { domainsOf, levelsToday, planFigures } from './plan-figures.js';
import { type People, toAction, toApprovalRecord } from './plans.mapper.js';

type Permissions = ImprovementPlan['permissions'];

/** What a contributor (not the trust lead) may change of an action they own. */
const OWNER_FIELDS = new Set(['state', 'blockedReason', 'description', 'evidenceIds']);
const ACTION_FIELDS = [
  'domainId',
  'elementIds',
  'title',
  'description',
  'ownerId',
  'dueDate',
  'state',
  'blockedReason',
  'funding',
  'expectedBenefit',
  'evidenceIds',
] as const;
type ActionField = (typeof ACTION_FIELDS)[number];
type ActionContent = Pick<PlanActionEntity, ActionField>;

function returnNotFound(): ApiException {
  return new NotFoundApiException('RETURN_NOT_FOUND', 'There is no such return.');
}

function actionNotFound(): ApiException {
  return new NotFoundApiException(
    'NOT_FOUND',
    'There is no such action in this plan. It may have been removed.',
  );
}

function refused(message: string): ApiException {
  return new ApiException(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
}

/** The earlier cycle's plan of the same trust and care setting. */
interface EarlierPlan {
  plan: ImprovementPlanEntity;
  returnId: string;
  cycleName: string;
  framework: { frameworkId: string; version: string };
}

/**
 * Improvement plans (issue 17): targets, actions, the figures derived from the return's answers, the
 * board's approvals of the plan, and carrying open actions forward to the next cycle. Writes lock the
 * plan row (then its actions) in a transaction; every write names the version it is based on.
 */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly returns: AssessmentsReader,
    private readonly people: PeopleRepository,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  // ----- Reading

  async get(returnId: string, user: Principal): Promise<ImprovementPlan> {
    const ret = await this.returnFor(returnId);
    const permissions = await this.permissions(user, ret);
    let plan = await this.dataSource.getRepository(ImprovementPlanEntity).findOneBy({ returnId });
    // First read of a plan with open actions to carry forward: the plan is made, once.
    if (!plan && (await this.openActionsToCarry(this.dataSource.manager, ret))) {
      plan = await this.dataSource.transaction(async (m) => this.lockPlan(m, returnId, user, 'create'));
    }
    return this.view(this.dataSource.manager, ret, plan, permissions);
  }

  async approval(returnId: string, approvalId: string): Promise<ApprovedPlan> {
    await this.returnFor(returnId);
    const found = await this.dataSource
      .getRepository(PlanApprovalEntity)
      .findOneBy({ id: approvalId, returnId });
    if (!found) throw new NotFoundApiException('NOT_FOUND', 'There is no such approval of this plan.');
    const people = await this.people.byIds([found.approverId]);
    return { approval: toApprovalRecord(found, people), plan: found.snapshot };
  }

  /**
   * The plan as the board approved it with a revision of the return (the approvals that revision's
   * seal holds), with the people who approved it; null when no plan was approved with the revision.
   * The newest approval's plan is the one the return was sealed with.
   */
  async approvedWithRevision(
    returnId: string,
    revision: number,
  ): Promise<{ plan: ApprovedPlan['plan']; approvals: PlanApprovalRecord[] } | null> {
    const approvalIds = await this.returns.approvalIdsOf(returnId, revision);
    if (approvalIds.length === 0) return null;
    const found = await this.dataSource.getRepository(PlanApprovalEntity).find({
      where: { returnId, returnApprovalId: In(approvalIds) },
      order: { approvedAt: 'ASC' },
    });
    const newest = found.at(-1);
    if (!newest) return null;
    const people = await this.people.byIds(found.map((a) => a.approverId));
    return { plan: newest.snapshot, approvals: found.map((a) => toApprovalRecord(a, people)) };
  }

  // ----- Targets

  async saveTargets(returnId: string, input: SavePlanDto, actor: Principal): Promise<ImprovementPlan> {
    const { ret, permissions } = await this.prepare(returnId, actor);
    await this.dataSource.transaction(async (m) => {
      const plan = (await this.lockPlan(m, returnId, actor, 'create'))!;
      const fresh = (await this.returns.forPlan(returnId, m)) ?? ret;
      if (plan.version !== input.baseVersion) {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'PLAN_CONFLICT',
          plan.updatedBy === actor.id
            ? 'You saved the targets in another window or tab since you opened them here. Check them and save again.'
            : 'Someone else changed the targets since you opened them. Check them and save again.',
          undefined,
          undefined,
          { current: await this.view(m, fresh, plan, permissions) },
        );
      }
      this.validateTargets(fresh, input);
      const order = new Map(domainsOf(fresh).map((d, i) => [d.id, i]));
      const targets = input.targets
        .map((t) => ({ domainId: t.domainId, level: t.level }))
        .sort((a, b) => order.get(a.domainId)! - order.get(b.domainId)!);
      const measureTargets = input.measureTargets.map((t) => ({ measure: t.measure, score: t.score }));
      const before = {
        targetDate: plan.targetDate,
        targets: plan.targets,
        measureTargets: plan.measureTargets,
      };
      await m.getRepository(ImprovementPlanEntity).update(
        { id: plan.id },
        {
          targetDate: input.targetDate,
          targets,
          measureTargets,
          version: plan.version + 1,
          updatedAt: new Date(),
          updatedBy: actor.id,
        },
      );
      await this.record(m, 'plan.targets-saved', actor, fresh, {
        version: plan.version + 1,
        before,
        after: { targetDate: input.targetDate, targets, measureTargets },
      });
    });
    return this.get(returnId, actor);
  }

  private validateTargets(ret: ReturnForPlan, input: SavePlanDto): void {
    const errors: FieldError[] = [];
    const domains = new Map(domainsOf(ret).map((d) => [d.id, d]));
    const today = levelsToday(ret);
    const answers = new Map(ret.answers.map((a) => [a.domainId, a]));
    const seen = new Set<string>();
    input.targets.forEach((target, i) => {
      const domain = domains.get(target.domainId);
      if (!domain) {
        errors.push({
          field: `targets.${i}.domainId`,
          messages: [`${target.domainId} is not a domain of this return's framework and care setting`],
        });
        return;
      }
      if (seen.has(domain.id)) {
        errors.push({
          field: `targets.${i}.domainId`,
          messages: [`${domain.title} has more than one target`],
        });
        return;
      }
      seen.add(domain.id);
      if (answers.get(domain.id)?.notApplicable && domain.notApplicableAllowed) {
        errors.push({
          field: `targets.${i}.domainId`,
          messages: [`${domain.title} is answered as not applicable, so it has no target`],
        });
        return;
      }
      const level = today.get(domain.id) ?? null;
      if (level !== null && target.level <= level) {
        errors.push({
          field: `targets.${i}.level`,
          messages: [`${domain.title} is at level ${level} today: choose a target level above it`],
        });
      }
    });
    const measures = new Set([...domains.values()].map((d) => d.measure));
    const seenMeasures = new Set<string>();
    input.measureTargets.forEach((target, i) => {
      if (!measures.has(target.measure)) {
        errors.push({
          field: `measureTargets.${i}.measure`,
          messages: ['That measure has no domains in this return'],
        });
      } else if (seenMeasures.has(target.measure)) {
        errors.push({
          field: `measureTargets.${i}.measure`,
          messages: ['That measure has more than one target'],
        });
      }
      seenMeasures.add(target.measure);
    });
    if (errors.length > 0) throw invalidFields(errors);
  }

  // ----- Actions

  async addAction(returnId: string, input: CreateActionDto, actor: Principal): Promise<PlanAction> {
    await this.returnFor(returnId);
    const id = await this.dataSource.transaction(async (m) => {
      const plan = (await this.lockPlan(m, returnId, actor, 'create'))!;
      const ret = await this.returnFor(returnId, m);
      const missing: FieldError[] = [];
      if (input.domainId === undefined) missing.push({ field: 'domainId', messages: ['Choose the domain'] });
      if (input.title === undefined)
        missing.push({ field: 'title', messages: ['Enter a title for the action'] });
      if (missing.length > 0) throw invalidFields(missing);
      const state = input.state ?? 'not-started';
      const content: ActionContent = {
        domainId: input.domainId!,
        elementIds: [...new Set(input.elementIds ?? [])],
        title: input.title!,
        description: input.description ?? '',
        ownerId: input.ownerId ?? null,
        dueDate: input.dueDate ?? null,
        state,
        blockedReason: state === 'blocked' ? (input.blockedReason ?? null) : null,
        funding: input.funding ?? null,
        expectedBenefit: input.expectedBenefit ?? '',
        evidenceIds: [...new Set(input.evidenceIds ?? [])],
      };
      await this.validateAction(m, ret, content, new Set(ACTION_FIELDS));
      const inserted = await m.getRepository(PlanActionEntity).insert({
        ...content,
        planId: plan.id,
        version: 1,
        createdBy: actor.id,
        updatedBy: actor.id,
      });
      const actionId = (inserted.identifiers[0] as { id: string }).id;
      await this.record(m, 'plan.action-added', actor, ret, {
        actionId,
        title: content.title,
        domainId: content.domainId,
        elementIds: content.elementIds,
        state: content.state,
        dueDate: content.dueDate,
      });
      return actionId;
    });
    return this.actionView(returnId, id);
  }

  async updateAction(
    returnId: string,
    actionId: string,
    input: UpdateActionDto,
    actor: Principal,
  ): Promise<PlanAction> {
    const { permissions } = await this.prepare(returnId, actor);
    const sent = ACTION_FIELDS.filter((f) => input[f] !== undefined);
    await this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(m, returnId, actor, 'existing');
      const action = plan ? await this.lockAction(m, plan.id, actionId) : null;
      if (!action) throw actionNotFound();
      if (!permissions.edit) {
        if (action.ownerId !== actor.id) {
          throw refused('Only the trust lead or the action’s owner can change this action.');
        }
        const other = sent.filter((f) => !OWNER_FIELDS.has(f));
        if (other.length > 0) {
          throw refused(
            `As the action’s owner you can change its state, description, evidence and why it is blocked; only the trust lead can change ${other.join(', ')}.`,
          );
        }
      }
      if (action.version !== input.baseVersion) await this.actionConflict(m, returnId, action, actor);
      const ret = await this.returnFor(returnId, m);
      const content: ActionContent = { ...pickContent(action) };
      for (const field of sent) (content as Record<string, unknown>)[field] = input[field];
      if (input.elementIds) content.elementIds = [...new Set(input.elementIds)];
      if (input.evidenceIds) content.evidenceIds = [...new Set(input.evidenceIds)];
      if (content.state !== 'blocked') content.blockedReason = null;
      const changed = ACTION_FIELDS.filter((f) => !same(content[f], action[f]));
      if (changed.length === 0) return;
      await this.validateAction(m, ret, content, new Set(changed));
      await m
        .getRepository(PlanActionEntity)
        .update(
          { id: action.id },
          { ...content, version: action.version + 1, updatedAt: new Date(), updatedBy: actor.id },
        );
      await this.record(m, 'plan.action-updated', actor, ret, {
        actionId: action.id,
        title: content.title,
        version: action.version + 1,
        // Free text (description, benefit, reason) is named, not copied.
        changes: Object.fromEntries(
          changed.map((f) => [
            f,
            f === 'description' || f === 'expectedBenefit' || f === 'blockedReason'
              ? { changed: true }
              : { before: action[f], after: content[f] },
          ]),
        ),
      });
    });
    return this.actionView(returnId, actionId);
  }

  async removeAction(
    returnId: string,
    actionId: string,
    baseVersion: number,
    actor: Principal,
  ): Promise<void> {
    await this.returnFor(returnId);
    await this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(m, returnId, actor, 'existing');
      const action = plan ? await this.lockAction(m, plan.id, actionId) : null;
      if (!action) throw actionNotFound();
      if (action.version !== baseVersion) await this.actionConflict(m, returnId, action, actor);
      await m.getRepository(PlanActionEntity).delete({ id: action.id });
      await this.record(m, 'plan.action-removed', actor, await this.returnFor(returnId, m), {
        actionId: action.id,
        title: action.title,
        domainId: action.domainId,
        elementIds: action.elementIds,
      });
    });
  }

  async mergeActions(returnId: string, input: MergeActionsDto, actor: Principal): Promise<PlanAction> {
    await this.returnFor(returnId);
    const ids = input.actions.map((a) => a.id);
    if (new Set(ids).size !== ids.length) throw invalidField('actions', 'Choose each action once');
    const keptId = ids[0]!;
    await this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(m, returnId, actor, 'existing');
      if (!plan) throw actionNotFound();
      // Locked in id order, as every write that locks several actions does.
      const rows = await m.getRepository(PlanActionEntity).find({
        where: { planId: plan.id, id: In(ids) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      const actions = input.actions.map((a) => ({ row: byId.get(a.id), baseVersion: a.baseVersion }));
      if (actions.some((a) => !a.row)) throw actionNotFound();
      for (const { row, baseVersion } of actions) {
        if (row!.version !== baseVersion) await this.actionConflict(m, returnId, row!, actor);
      }
      const [kept, ...others] = actions.map((a) => a.row!);
      if (others.some((o) => o.domainId !== kept!.domainId)) {
        throw invalidField('actions', 'Only actions of the same domain can be merged');
      }
      const elementIds = [...new Set([kept!, ...others].flatMap((a) => a.elementIds))];
      const evidenceIds = [...new Set([kept!, ...others].flatMap((a) => a.evidenceIds))];
      await m.getRepository(PlanActionEntity).delete({ id: In(others.map((o) => o.id)) });
      await m
        .getRepository(PlanActionEntity)
        .update(
          { id: kept!.id },
          { elementIds, evidenceIds, version: kept!.version + 1, updatedAt: new Date(), updatedBy: actor.id },
        );
      await this.record(m, 'plan.actions-merged', actor, await this.returnFor(returnId, m), {
        actionId: kept!.id,
        title: kept!.title,
        domainId: kept!.domainId,
        elementIds,
        removed: others.map((o) => ({ actionId: o.id, title: o.title })),
      });
    });
    return this.actionView(returnId, keptId);
  }

  private async validateAction(
    m: EntityManager,
    ret: ReturnForPlan,
    content: ActionContent,
    changed: ReadonlySet<ActionField>,
  ): Promise<void> {
    const errors: FieldError[] = [];
    const domain = domainsOf(ret).find((d) => d.id === content.domainId);
    if (!domain) {
      errors.push({
        field: 'domainId',
        messages: [`${content.domainId} is not a domain of this return's framework and care setting`],
      });
    } else if (changed.has('domainId') || changed.has('elementIds')) {
      const elements = new Set(domain.levels.flatMap((l) => l.elements.map((e) => e.id)));
      const unknown = content.elementIds.filter((e) => !elements.has(e));
      if (unknown.length > 0) {
        errors.push({
          field: 'elementIds',
          messages: [
            `${unknown.join(', ')} ${unknown.length === 1 ? 'is not an element' : 'are not elements'} of ${domain.title}`,
          ],
        });
      }
    }
    if (content.state === 'blocked' && !content.blockedReason) {
      errors.push({ field: 'blockedReason', messages: ['Say why the action is blocked'] });
    }
    if (changed.has('ownerId') && content.ownerId !== null) {
      const scope = ret.organisationCode ?? ret.icsCode!;
      const people = await this.people.holding(
        scope,
        returnRolesThatMay('return:view', ret.level === 'organisation' ? 'organisation' : 'ics'),
        m,
      );
      if (!people.some((p) => p.id === content.ownerId)) {
        errors.push({
          field: 'ownerId',
          messages: ['The owner must be someone with a role in the trust (their account not disabled)'],
        });
      }
    }
    if (changed.has('evidenceIds') && content.evidenceIds.length > 0) {
      const live = await this.returns.liveEvidence(ret.id, content.evidenceIds, m);
      if (content.evidenceIds.some((e) => !live.has(e))) {
        errors.push({
          field: 'evidenceIds',
          messages: ['Some of the evidence is not part of this return (it may have been removed)'],
        });
      }
    }
    if (errors.length > 0) throw invalidFields(errors);
  }

  private async actionConflict(
    m: EntityManager,
    returnId: string,
    current: PlanActionEntity,
    actor: Principal,
  ): Promise<never> {
    const [view] = await this.actionViews(m, await this.returnFor(returnId, m), [current]);
    throw new ApiException(
      HttpStatus.CONFLICT,
      'ACTION_CONFLICT',
      current.updatedBy === actor.id
        ? `You changed the action “${current.title}” in another window or tab since you opened it here. Check it and try again.`
        : `Someone else changed the action “${current.title}” since you opened it. Check it and try again.`,
      undefined,
      undefined,
      { current: view },
    );
  }

  // ----- Approvals

  /** A board approver approves the plan of a sealed return on its own. */
  async approve(returnId: string, input: ApprovePlanDto, actor: Principal): Promise<PlanApprovalRecord> {
    const ret = await this.returnFor(returnId);
    if (ret.state !== 'submitted') {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'RETURN_STATE',
        'The return is not submitted yet: the board approves the plan when it approves the return, and it is recorded with that approval.',
      );
    }
    const id = await this.dataSource.transaction(async (m) => {
      const plan = (await this.lockPlan(m, returnId, actor, 'create'))!;
      return this.recordApproval(m, await this.returnFor(returnId, m), plan, {
        approver: actor,
        meetingDate: input.meetingDate,
        minuteReference: input.minuteReference,
        returnApprovalId: null,
      });
    });
    const saved = await this.dataSource.getRepository(PlanApprovalEntity).findOneByOrFail({ id });
    return toApprovalRecord(saved, await this.people.byIds([saved.approverId]));
  }

  /**
   * Registered with assessments: a board approval of the return records the plan as it stands, in
   * the approval's transaction. A return with no plan (and none to carry forward) records nothing.
   */
  async onReturnApproved(m: EntityManager, approved: ReturnApproved): Promise<void> {
    const ret = await this.returnFor(approved.returnId, m);
    let plan = await this.lockPlan(m, approved.returnId, approved.approver, 'existing');
    if (!plan && (await this.openActionsToCarry(m, ret))) {
      plan = await this.lockPlan(m, approved.returnId, approved.approver, 'create');
    }
    if (!plan) return;
    await this.recordApproval(m, ret, plan, {
      approver: approved.approver,
      meetingDate: approved.meetingDate,
      minuteReference: approved.minuteReference,
      returnApprovalId: approved.approvalId,
    });
  }

  private async recordApproval(
    m: EntityManager,
    ret: ReturnForPlan,
    plan: ImprovementPlanEntity,
    approval: {
      approver: Principal;
      meetingDate: string;
      minuteReference: string;
      returnApprovalId: string | null;
    },
  ): Promise<string> {
    const view = await this.view(m, ret, plan, { edit: false, updateOwn: false, approve: false });
    const snapshot: ApprovedPlan['plan'] = {
      targetDate: view.targetDate,
      targets: view.targets,
      measureTargets: view.measureTargets,
      actions: view.actions,
      scores: view.scores,
    };
    const inserted = await m.getRepository(PlanApprovalEntity).insert({
      planId: plan.id,
      returnId: ret.id,
      approverId: approval.approver.id,
      meetingDate: approval.meetingDate,
      minuteReference: approval.minuteReference,
      returnApprovalId: approval.returnApprovalId,
      planVersion: plan.version,
      snapshot,
    });
    const id = (inserted.identifiers[0] as { id: string }).id;
    await this.record(m, 'plan.approved', approval.approver, ret, {
      approvalId: id,
      returnApprovalId: approval.returnApprovalId,
      planVersion: plan.version,
      meetingDate: approval.meetingDate,
      minuteReference: approval.minuteReference,
      actions: view.actions.length,
      targets: view.targets.length,
    });
    return id;
  }

  // ----- Carrying forward

  /** The most recent plan of the same trust and care setting (or ICB) in an earlier cycle. */
  private async earlierPlan(m: EntityManager, ret: ReturnForPlan): Promise<EarlierPlan | null> {
    const earlier = await this.returns.earlierReturns(ret, m);
    if (earlier.length === 0) return null;
    const plans = await m
      .getRepository(ImprovementPlanEntity)
      .findBy({ returnId: In(earlier.map((e) => e.returnId)) });
    for (const e of earlier) {
      const plan = plans.find((p) => p.returnId === e.returnId);
      if (plan) return { plan, returnId: e.returnId, cycleName: e.cycleName, framework: e.framework };
    }
    return null;
  }

  private async openActionsToCarry(m: EntityManager, ret: ReturnForPlan): Promise<boolean> {
    const earlier = await this.earlierPlan(m, ret);
    if (!earlier) return false;
    return m
      .getRepository(PlanActionEntity)
      .createQueryBuilder('a')
      .where('a.plan_id = :id AND a.state <> :done', { id: earlier.plan.id, done: 'done' })
      .getExists();
  }

  /**
   * Copies the open actions of the earlier cycle's plan into a plan just made (so once per plan; the
   * unique (plan_id, carried_from_action_id) stops any double). Each action moves to the domain of
   * the same lineage in this return's framework, keeping the elements that still exist there; an
   * action whose domain has no successor in this return is left behind (listed in the audit entry).
   * Evidence stays with the earlier return; an owner who no longer has a role in the trust is cleared.
   */
  private async carryForward(
    m: EntityManager,
    ret: ReturnForPlan,
    planId: string,
    actor: Principal,
  ): Promise<void> {
    const earlier = await this.earlierPlan(m, ret);
    if (!earlier) return;
    const open = await m.getRepository(PlanActionEntity).find({
      where: { planId: earlier.plan.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const toCarry = open.filter((a) => a.state !== 'done');
    await m
      .getRepository(ImprovementPlanEntity)
      .update({ id: planId }, { carriedFromPlanId: earlier.plan.id });
    if (toCarry.length === 0) return;
    const previous = await this.returns.framework(earlier.framework, m);
    const lineageOf = new Map(previous.domains.map((d) => [d.id, d.lineage.id]));
    const domains = domainsOf(ret);
    const byLineage = new Map(domains.map((d) => [d.lineage.id, d]));
    const byId = new Map(domains.map((d) => [d.id, d]));
    const members = new Set(
      (
        await this.people.holding(
          ret.organisationCode ?? ret.icsCode!,
          returnRolesThatMay('return:view', ret.level === 'organisation' ? 'organisation' : 'ics'),
          m,
        )
      ).map((p) => p.id),
    );
    const carried: { actionId: string; title: string; droppedElements: string[] }[] = [];
    const dropped: { actionId: string; title: string; domainId: string }[] = [];
    for (const action of toCarry) {
      const lineage = lineageOf.get(action.domainId);
      const domain = (lineage ? byLineage.get(lineage) : undefined) ?? byId.get(action.domainId);
      if (!domain) {
        dropped.push({ actionId: action.id, title: action.title, domainId: action.domainId });
        continue;
      }
      const elements = new Set(domain.levels.flatMap((l) => l.elements.map((e) => e.id)));
      const elementIds = action.elementIds.filter((e) => elements.has(e));
      await m
        .getRepository(PlanActionEntity)
        .createQueryBuilder()
        .insert()
        .values({
          planId,
          domainId: domain.id,
          elementIds,
          title: action.title,
          description: action.description,
          ownerId: action.ownerId && members.has(action.ownerId) ? action.ownerId : null,
          dueDate: action.dueDate,
          state: action.state,
          blockedReason: action.blockedReason,
          funding: action.funding,
          expectedBenefit: action.expectedBenefit,
          evidenceIds: [],
          carriedFromActionId: action.id,
          version: 1,
          // In the earlier plan's order (now() is the same for the whole transaction).
          createdAt: () => 'clock_timestamp()',
          createdBy: actor.id,
          updatedBy: actor.id,
        })
        .orIgnore()
        .execute();
      carried.push({
        actionId: action.id,
        title: action.title,
        droppedElements: action.elementIds.filter((e) => !elements.has(e)),
      });
    }
    await this.record(m, 'plan.carried-forward', actor, ret, {
      fromReturnId: earlier.returnId,
      fromCycle: earlier.cycleName,
      carried: carried.length,
      actions: carried,
      leftBehind: dropped,
    });
  }

  // ----- Shared

  /** The return (404 when there is none) and what the user may do with its plan, read before any transaction. */
  private async prepare(
    returnId: string,
    user: Principal,
  ): Promise<{ ret: ReturnForPlan; permissions: Permissions }> {
    const ret = await this.returnFor(returnId);
    return { ret, permissions: await this.permissions(user, ret) };
  }

  private async returnFor(
    returnId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<ReturnForPlan> {
    const ret = await this.returns.forPlan(returnId, m);
    if (!ret) throw returnNotFound();
    return ret;
  }

  /** Read through the policy's own queries: call outside a transaction. */
  private async permissions(user: Principal, ret: ReturnForPlan): Promise<Permissions> {
    const resource = await this.policy.resolve('return', ret.id, ret.cycle.referenceDate);
    const allowed = (action: Parameters<typeof can>[1]) =>
      resource !== null && can(user.grants, action, resource);
    return {
      edit: allowed('return:submit'),
      updateOwn: allowed('return:answer'),
      approve: ret.state === 'submitted' && allowed('return:approve'),
    };
  }

  /**
   * Locks the return's plan row for the rest of the transaction. `create`: makes the plan when there
   * is none (carrying the earlier cycle's open actions into it); `existing`: null when there is none.
   */
  private async lockPlan(
    m: EntityManager,
    returnId: string,
    actor: Principal,
    mode: 'create' | 'existing',
  ): Promise<ImprovementPlanEntity | null> {
    const repo = m.getRepository(ImprovementPlanEntity);
    const found = await repo.findOne({ where: { returnId }, lock: { mode: 'pessimistic_write' } });
    if (found || mode === 'existing') return found;
    const ret = await this.returnFor(returnId, m);
    // Two first writes at once: one inserts, the other waits for it and then finds its row.
    const inserted = await repo
      .createQueryBuilder()
      .insert()
      .values({ returnId })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (id) await this.carryForward(m, ret, id, actor);
    return repo.findOneOrFail({ where: { returnId }, lock: { mode: 'pessimistic_write' } });
  }

  private lockAction(m: EntityManager, planId: string, actionId: string): Promise<PlanActionEntity | null> {
    return m
      .getRepository(PlanActionEntity)
      .findOne({ where: { id: actionId, planId }, lock: { mode: 'pessimistic_write' } });
  }

  private async actionView(returnId: string, actionId: string): Promise<PlanAction> {
    const m = this.dataSource.manager;
    const action = await m.getRepository(PlanActionEntity).findOneBy({ id: actionId });
    if (!action) throw actionNotFound();
    const [view] = await this.actionViews(m, await this.returnFor(returnId, m), [action]);
    return view!;
  }

  /** Actions as the contract shows them, with their owners' names and where carried ones came from. */
  private async actionViews(
    m: EntityManager,
    ret: ReturnForPlan,
    actions: PlanActionEntity[],
  ): Promise<PlanAction[]> {
    const people = await this.people.byIds(
      actions.flatMap((a) => [a.ownerId, a.updatedBy]),
      m,
    );
    const carried = await this.carriedCycles(m, ret, actions);
    return actions.map((a) => toAction(a, people, carried));
  }

  private async carriedCycles(
    m: EntityManager,
    ret: ReturnForPlan,
    actions: PlanActionEntity[],
  ): Promise<Map<string, string>> {
    const sources = actions.map((a) => a.carriedFromActionId).filter((id): id is string => id !== null);
    if (sources.length === 0) return new Map();
    const rows = await m
      .getRepository(PlanActionEntity)
      .createQueryBuilder('a')
      .innerJoin(ImprovementPlanEntity, 'p', 'p.id = a.plan_id')
      .select(['a.id AS id', 'p.return_id AS return_id'])
      .where('a.id IN (:...ids)', { ids: sources })
      .getRawMany<{ id: string; return_id: string }>();
    const cycles = new Map((await this.returns.earlierReturns(ret, m)).map((e) => [e.returnId, e.cycleName]));
    return new Map(rows.map((r) => [r.id, cycles.get(r.return_id) ?? '']));
  }

  /** The plan as GET shows it; `plan` null: none saved yet. */
  private async view(
    m: EntityManager,
    ret: ReturnForPlan,
    plan: ImprovementPlanEntity | null,
    permissions: Permissions,
  ): Promise<ImprovementPlan> {
    // One query after another: inside a transaction they share its one connection.
    const actions = plan
      ? await m
          .getRepository(PlanActionEntity)
          .find({ where: { planId: plan.id }, order: { createdAt: 'ASC', id: 'ASC' } })
      : [];
    const approvals = plan
      ? await m
          .getRepository(PlanApprovalEntity)
          .find({ where: { planId: plan.id }, order: { approvedAt: 'ASC' } })
      : [];
    const earlier = await this.earlierPlan(m, ret);
    const earlierDone = earlier
      ? await m.getRepository(PlanActionEntity).findBy({ planId: earlier.plan.id, state: 'done' })
      : [];
    const people: People = await this.people.byIds(
      [...actions.flatMap((a) => [a.ownerId, a.updatedBy]), ...approvals.map((a) => a.approverId)],
      m,
    );
    const carried = await this.carriedCycles(m, ret, actions);
    const targets = plan?.targets ?? [];
    const targetDate = plan?.targetDate ?? null;
    return {
      returnId: ret.id,
      version: plan?.version ?? 0,
      targetDate,
      targets,
      measureTargets: plan?.measureTargets ?? [],
      actions: actions.map((a) => toAction(a, people, carried)),
      ...planFigures(ret, { targets, targetDate }, actions, earlierDone),
      approvals: approvals.map((a) => toApprovalRecord(a, people)),
      permissions,
    };
  }

  private record(
    m: EntityManager,
    action: AuditAction,
    actor: Principal,
    ret: ReturnForPlan,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      { action, actor, target: { type: 'return', id: ret.id, label: ret.label }, details },
      m,
    );
  }
}

function pickContent(a: PlanActionEntity): ActionContent {
  return Object.fromEntries(ACTION_FIELDS.map((f) => [f, a[f]])) as ActionContent;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
