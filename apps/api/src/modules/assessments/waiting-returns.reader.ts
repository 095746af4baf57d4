import { Injectable } from '@nestjs/common';
import type { Cycle, SentBackReturn, WaitingAssignment, WaitingForYou, WaitingReturn } from '@wgll/contracts';
import { type EntityManager, In } from 'typeorm';
import { scopesOf } from '../access/policy.js';
import { PolicyService } from '../access/policy.service.js';
import type { Principal } from '../access/principal.js';
import { CyclesService } from '../cycles/cycles.service.js';
import { PeopleRepository } from '../users/people.repository.js';
import { AnswersRepository } from './answers.repository.js';
import { assignmentProgress } from './assignment-progress.js';
import { AssessmentReturnEntity } from './entities/assessment-return.entity.js';
import { ReturnAssignmentEntity } from './entities/return-assignment.entity.js';
import { ReturnDeclineEntity } from './entities/return-decline.entity.js';
import { ReturnStore } from './return-store.js';
import { ReturnsService } from './returns.service.js';

/** What of returns waits for a person: the parts of "Waiting for you" the assessments module owns. */
export type WaitingOnReturns = Pick<
  WaitingForYou,
  'toApprove' | 'assignments' | 'sentBack' | 'readyToSubmit' | 'overdueInYourReturns'
>;

/** Overdue first (most overdue first), then by due date, then those with no date (in the order given: oldest first). */
function byDueDate(a: WaitingAssignment, b: WaitingAssignment): number {
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}

/**
 * Returns waiting for a person, only in cycles open today (nothing can change in the others): to
 * approve (board approvers; an ICS lead for the ICB's own return), their own assignments, and for
 * the returns they lead (trust leads; ICS leads for the ICB's return) those sent back, those
 * approved and ready to submit and their overdue assignments.
 */
@Injectable()
export class WaitingReturnsReader {
  constructor(
    private readonly store: ReturnStore,
    private readonly returns: ReturnsService,
    private readonly answers: AnswersRepository,
    private readonly people: PeopleRepository,
    private readonly policy: PolicyService,
    private readonly cycles: CyclesService,
  ) {}

  async forPerson(user: Principal, today: string): Promise<WaitingOnReturns> {
    const manager = this.store.dataSource.manager;
    const approveOrgs = scopesOf(user.grants, ['board-approver']);
    const leadOrgs = scopesOf(user.grants, ['trust-lead']);
    const systems = scopesOf(user.grants, ['ics-lead']);
    const orgs = [...new Set([...approveOrgs, ...leadOrgs])];

    const own = await manager.getRepository(ReturnAssignmentEntity).find({
      where: { assigneeId: user.id },
      order: { assignedAt: 'ASC', id: 'ASC' },
    });
    const open = await this.cycles.openOn(today);
    const rows = await manager.query<{ id: string }[]>(
      `SELECT r.id FROM assessment_return r
       WHERE r.state <> 'submitted' AND r.cycle_id = ANY($1::uuid[])
         AND ((r.level = 'organisation' AND r.organisation_code = ANY($2))
           OR (r.level = 'system' AND r.ics_code = ANY($3))
           OR r.id = ANY($4))`,
      [open.map((c) => c.id), orgs, systems, [...new Set(own.map((a) => a.returnId))]],
    );
    if (rows.length === 0) return this.empty();
    const rets = await manager
      .getRepository(AssessmentReturnEntity)
      .findBy({ id: In(rows.map((r) => r.id)) });
    const waiting = await this.describe(rets, open, manager);
    const order = (a: WaitingReturn, b: WaitingReturn) =>
      a.cycle.closesOn.localeCompare(b.cycle.closesOn) ||
      a.owner.name.localeCompare(b.owner.name) ||
      (a.careSetting ?? '').localeCompare(b.careSetting ?? '');
    const isOwn = (r: AssessmentReturnEntity, orgCodes: string[]) =>
      r.level === 'organisation' ? orgCodes.includes(r.organisationCode!) : systems.includes(r.icsCode!);
    const led = rets.filter((r) => isOwn(r, leadOrgs));

    const toApprove = rets
      .filter((r) => r.state === 'awaiting-approval' && isOwn(r, approveOrgs))
      .map((r) => waiting.get(r.id)!)
      .sort(order);
    const readyToSubmit = led
      .filter((r) => r.state === 'approved')
      .map((r) => waiting.get(r.id)!)
      .sort(order);
    const sentBack = await this.sentBack(
      led.filter((r) => r.state === 'draft'),
      waiting,
      manager,
    );

    // The person's own assignments, on returns they may still see (a role taken away takes the work too).
    const mine = rets.filter((r) => own.some((a) => a.returnId === r.id));
    const visibleIds = await this.policy.visibleReturnIds(
      user,
      mine.map((r) => r.id),
    );
    const visible = mine.filter((r) => visibleIds.has(r.id));
    const inLed =
      led.length > 0
        ? await manager.getRepository(ReturnAssignmentEntity).find({
            where: { returnId: In(led.map((r) => r.id)) },
            order: { assignedAt: 'ASC', id: 'ASC' },
          })
        : [];
    const overdue = inLed.filter((a) => a.dueDate !== null && a.dueDate < today);
    const assignments = await this.withProgress(own, visible, waiting, manager);
    const overdueInYourReturns = await this.withProgress(overdue, led, waiting, manager);
    return {
      toApprove,
      assignments: assignments.sort(byDueDate),
      sentBack,
      readyToSubmit,
      overdueInYourReturns: overdueInYourReturns.sort(byDueDate),
    };
  }

  /**
   * Assignments due on or before `by` (an ISO date) with work left, on returns not yet submitted in
   * cycles open `today`, oldest due first: what their assignees are reminded of.
   */
  async assignmentsDueBy(today: string, by: string): Promise<WaitingAssignment[]> {
    const manager = this.store.dataSource.manager;
    const open = await this.cycles.openOn(today);
    const rows = await manager.query<{ id: string; return_id: string }[]>(
      `SELECT a.id, a.return_id FROM return_assignment a JOIN assessment_return r ON r.id = a.return_id
       WHERE a.due_date IS NOT NULL AND a.due_date <= $2 AND r.state <> 'submitted'
         AND r.cycle_id = ANY($1::uuid[])`,
      [open.map((c) => c.id), by],
    );
    if (rows.length === 0) return [];
    const assignments = await manager.getRepository(ReturnAssignmentEntity).find({
      where: { id: In(rows.map((r) => r.id)) },
      order: { dueDate: 'ASC', assignedAt: 'ASC', id: 'ASC' },
    });
    const rets = await manager
      .getRepository(AssessmentReturnEntity)
      .findBy({ id: In([...new Set(rows.map((r) => r.return_id))]) });
    return this.withProgress(assignments, rets, await this.describe(rets, open, manager), manager);
  }

  /** Returns by id as "Waiting for you" names them (for other modules: plan actions name their return). */
  async describeByIds(ids: readonly string[]): Promise<Map<string, WaitingReturn>> {
    if (ids.length === 0) return new Map();
    const manager = this.store.dataSource.manager;
    const rets = await manager.getRepository(AssessmentReturnEntity).findBy({ id: In([...new Set(ids)]) });
    return this.describe(rets, await this.cycles.byIds(rets.map((r) => r.cycleId)), manager);
  }

  /** The returns as "Waiting for you" names them; `cycles` holds theirs. */
  private async describe(
    rets: AssessmentReturnEntity[],
    cycles: readonly Cycle[],
    manager: EntityManager,
  ): Promise<Map<string, WaitingReturn>> {
    const summaries = await this.returns.summaries(rets, manager);
    return new Map(
      summaries.map((s) => {
        const cycle = cycles.find((c) => c.id === s.cycle.id)!;
        return [
          s.id,
          {
            returnId: s.id,
            owner: s.owner,
            careSetting: s.careSetting,
            cycle: { id: cycle.id, name: cycle.name, closesOn: cycle.closesOn },
            state: s.state,
          },
        ];
      }),
    );
  }

  private empty(): WaitingOnReturns {
    return { toApprove: [], assignments: [], sentBack: [], readyToSubmit: [], overdueInYourReturns: [] };
  }

  /** Drafts the board sent back: the latest decline of the current revision stands until marked ready. */
  private async sentBack(
    drafts: AssessmentReturnEntity[],
    waiting: Map<string, WaitingReturn>,
    manager: EntityManager,
  ): Promise<SentBackReturn[]> {
    if (drafts.length === 0) return [];
    const declines = await manager.getRepository(ReturnDeclineEntity).find({
      where: drafts.map((r) => ({ returnId: r.id, revision: r.revision })),
      order: { declinedAt: 'DESC', id: 'DESC' },
    });
    return drafts
      .flatMap((r) => {
        const latest = declines.find((d) => d.returnId === r.id);
        return latest
          ? [{ ...waiting.get(r.id)!, declinedAt: latest.declinedAt.toISOString(), reason: latest.reason }]
          : [];
      })
      .sort((a, b) => b.declinedAt.localeCompare(a.declinedAt));
  }

  /** Assignments with something left to answer, as "Waiting for you" lists them. */
  private async withProgress(
    assignments: ReturnAssignmentEntity[],
    rets: AssessmentReturnEntity[],
    waiting: Map<string, WaitingReturn>,
    manager: EntityManager,
  ): Promise<WaitingAssignment[]> {
    const progress = await assignmentProgress(this.store, this.answers, assignments, rets, manager);
    const people = await this.people.byIds(
      assignments.map((a) => a.assigneeId),
      manager,
    );
    return assignments.flatMap((a) => {
      const done = progress.get(a.id);
      if (!done || done.remaining.length === 0) return [];
      const person = people.get(a.assigneeId);
      return [
        {
          assignmentId: a.id,
          return: waiting.get(a.returnId)!,
          measure: a.measure,
          domainId: a.domainId,
          title: done.title,
          questionsOf: done.measure,
          dueDate: a.dueDate,
          remaining: done.remaining.length,
          assignee: { id: a.assigneeId, displayName: person?.displayName ?? 'Unknown user' },
        },
      ];
    });
  }
}
