import { Injectable } from '@nestjs/common';
import type { Assignment, AssigneeList, MyAssignment, MyAssignmentList } from '@wgll/contracts';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { invalidField, NotFoundApiException } from '../../common/api-exception.js';
import { todayInLondon } from '../../common/iso-date.js';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import type { AssignDto } from './dto/returns.dto.js';
import { AssessmentReturnEntity } from './entities/assessment-return.entity.js';
import { AnswersRepository } from './answers.repository.js';
import { ReturnAssignmentEntity } from './entities/return-assignment.entity.js';
import { assignmentProgress } from './assignment-progress.js';
import { can, returnRolesThatMay } from '../access/policy.js';
import { PolicyService } from '../access/policy.service.js';
import { PeopleRepository } from '../users/people.repository.js';
import { returnLabel, ReturnStore, sealed } from './return-store.js';
import { applicableDomains } from './return-view.js';
import { ReturnsService } from './returns.service.js';
import { toAssignment } from './returns.mapper.js';
import { cycleRetired } from '../cycles/cycles.service.js';

/** Measures or single domains of a return given to people to answer, and each person's list. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly store: ReturnStore,
    private readonly people: PeopleRepository,
    private readonly policy: PolicyService,
    private readonly returns: ReturnsService,
    private readonly audit: AuditService,
    private readonly answers: AnswersRepository,
  ) {}

  /** Who may be given work: people (not disabled) whose role may answer the return. */
  async assignees(id: string, manager: EntityManager = this.store.dataSource.manager): Promise<AssigneeList> {
    const { ret } = await this.store.load(id, manager);
    const items = await this.people.holding(
      ret.organisationCode ?? ret.icsCode!,
      returnRolesThatMay('return:answer', ret.level === 'organisation' ? 'organisation' : 'ics'),
      manager,
    );
    return { items };
  }

  /** Gives a measure or a domain to someone, replacing whoever had it. */
  assign(id: string, input: AssignDto, actor: Principal): Promise<Assignment> {
    return this.store.dataSource.transaction(async (manager) => {
      const { ret, cycle } = await this.store.lock(manager, id);
      if (ret.state === 'submitted') throw sealed();
      if (cycle.retiredAt) throw cycleRetired(cycle.name);
      if ((input.measure === undefined) === (input.domainId === undefined)) {
        throw invalidField('measure', 'Choose either a measure or a single domain to assign');
      }
      const domains = applicableDomains(await this.store.framework(ret, manager), ret.careSetting);
      if (input.domainId !== undefined && !domains.some((d) => d.id === input.domainId)) {
        throw invalidField('domainId', `${input.domainId} is not a domain of this return`);
      }
      if (input.measure !== undefined && !domains.some((d) => d.measure === input.measure)) {
        throw invalidField('measure', 'That measure has no domains in this return');
      }
      const assignees = await this.assignees(id, manager);
      if (!assignees.items.some((p) => p.id === input.userId)) {
        throw invalidField(
          'userId',
          'That person cannot be given work on this return: they need a role that answers it',
        );
      }
      const repo = manager.getRepository(ReturnAssignmentEntity);
      const target = input.measure !== undefined ? { measure: input.measure } : { domainId: input.domainId! };
      const previous = await repo.findOneBy({ returnId: id, ...target });
      // A new due date is today or later; a date already set may be kept when assigning again.
      const dueDate = input.dueDate ?? null;
      if (dueDate !== null && dueDate < todayInLondon() && dueDate !== previous?.dueDate) {
        throw invalidField('dueDate', 'Enter a due date that is today or in the future');
      }
      if (previous) await repo.delete({ id: previous.id });
      const inserted = await repo.insert({
        returnId: id,
        ...target,
        assigneeId: input.userId,
        assignedBy: actor.id,
        dueDate,
      });
      const saved = await repo.findOneByOrFail({ id: (inserted.identifiers[0] as { id: string }).id });
      await this.audit.record(
        {
          action: 'return.assigned',
          actor,
          target: { type: 'return', id, label: returnLabel(ret, cycle) },
          details: {
            ...target,
            assignmentId: saved.id,
            assigneeId: input.userId,
            previousAssigneeId: previous?.assigneeId ?? null,
            dueDate,
            previousDueDate: previous?.dueDate ?? null,
          },
        },
        manager,
      );
      return toAssignment(saved, await this.people.byIds([saved.assigneeId, actor.id], manager));
    });
  }

  unassign(id: string, assignmentId: string, actor: Principal): Promise<void> {
    return this.store.dataSource.transaction(async (manager) => {
      const { ret, cycle } = await this.store.lock(manager, id);
      if (ret.state === 'submitted') throw sealed();
      if (cycle.retiredAt) throw cycleRetired(cycle.name);
      const repo = manager.getRepository(ReturnAssignmentEntity);
      const found = await repo.findOneBy({ id: assignmentId, returnId: id });
      if (!found) throw new NotFoundApiException('NOT_FOUND', 'There is no such assignment on this return.');
      await repo.delete({ id: assignmentId });
      await this.audit.record(
        {
          action: 'return.unassigned',
          actor,
          target: { type: 'return', id, label: returnLabel(ret, cycle) },
          details: { measure: found.measure, domainId: found.domainId, assigneeId: found.assigneeId },
        },
        manager,
      );
    });
  }

  /** The signed-in user's assignments on returns not yet submitted, with what is left of each. */
  async mine(user: Principal): Promise<MyAssignmentList> {
    const manager = this.store.dataSource.manager;
    const assignments = await manager.getRepository(ReturnAssignmentEntity).find({
      where: { assigneeId: user.id },
      order: { assignedAt: 'ASC' },
    });
    if (assignments.length === 0) return { items: [] };
    const returnIds = [...new Set(assignments.map((a) => a.returnId))];
    const rets = await manager.getRepository(AssessmentReturnEntity).findBy({ id: In(returnIds) });
    // Only returns the user may still see (a role taken away takes the work away too).
    const open: AssessmentReturnEntity[] = [];
    for (const ret of rets) {
      const resource = await this.policy.resolve('return', ret.id, '');
      if (ret.state !== 'submitted' && resource && can(user.grants, 'return:view', resource)) open.push(ret);
    }
    const summaries = await this.returns.summaries(open);
    const progress = await assignmentProgress(this.store, this.answers, assignments, open, manager);
    const people = await this.people.byIds(assignments.flatMap((a) => [a.assigneeId, a.assignedBy]));
    const items: MyAssignment[] = [];
    for (const assignment of assignments) {
      const done = progress.get(assignment.id);
      if (!done) continue;
      items.push({
        assignment: toAssignment(assignment, people),
        return: summaries.find((s) => s.id === assignment.returnId)!,
        title: done.title,
        total: done.total,
        answered: done.total - done.remaining.length,
        remaining: done.remaining,
      });
    }
    return { items };
  }
}
