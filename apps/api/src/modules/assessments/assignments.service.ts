import { Injectable } from '@nestjs/common';
import type { Assignment, AssigneeList, MyAssignment, MyAssignmentList } from '@wgll/contracts';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { NotFoundApiException } from '../../common/api-exception.filter.js';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import type { AssignDto } from './dto/returns.dto.js';
import { AssessmentReturnEntity } from './entities/assessment-return.entity.js';
import { DomainAnswerEntity } from './entities/domain-answer.entity.js';
import { ReturnAssignmentEntity } from './entities/return-assignment.entity.js';
import { returnLabel, ReturnStore, sealed } from './return-store.js';
import { applicableDomains } from './return-view.js';
import { invalid, ReturnsService } from './returns.service.js';
import { toAssignment } from './returns.mapper.js';

/** Measures or single domains of a return given to people to answer, and each person's list. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly store: ReturnStore,
    private readonly returns: ReturnsService,
    private readonly audit: AuditService,
  ) {}

  /** Who may be given work: the trust's leads and contributors, or the ICB's ICS leads (not disabled). */
  async assignees(id: string, manager: EntityManager = this.store.dataSource.manager): Promise<AssigneeList> {
    const { ret } = await this.store.load(id, manager);
    const rows = await manager.query<{ id: string; display_name: string; email: string }[]>(
      `SELECT DISTINCT u.id, u.display_name, u.email
       FROM app_user u JOIN role_assignment g ON g.user_id = u.id
       WHERE u.status <> 'disabled' AND g.scope_code = $1 AND g.role = ANY($2)
       ORDER BY u.display_name, u.email`,
      [
        ret.organisationCode ?? ret.icsCode,
        ret.level === 'organisation' ? ['trust-lead', 'trust-contributor'] : ['ics-lead'],
      ],
    );
    return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email })) };
  }

  /** Gives a measure or a domain to someone, replacing whoever had it. */
  assign(id: string, input: AssignDto, actor: Principal): Promise<Assignment> {
    return this.store.dataSource.transaction(async (manager) => {
      const { ret, cycle } = await this.store.lock(manager, id);
      if (ret.state === 'submitted') throw sealed();
      if ((input.measure === undefined) === (input.domainId === undefined)) {
        throw invalid('measure', 'Choose either a measure or a single domain to assign');
      }
      const domains = applicableDomains(await this.store.framework(ret, manager), ret.careSetting);
      if (input.domainId !== undefined && !domains.some((d) => d.id === input.domainId)) {
        throw invalid('domainId', `${input.domainId} is not a domain of this return`);
      }
      const assignees = await this.assignees(id, manager);
      if (!assignees.items.some((p) => p.id === input.userId)) {
        throw invalid(
          'userId',
          'That person cannot be given work on this return: they need a role that answers it',
        );
      }
      const repo = manager.getRepository(ReturnAssignmentEntity);
      const target = input.measure !== undefined ? { measure: input.measure } : { domainId: input.domainId! };
      const previous = await repo.findOneBy({ returnId: id, ...target });
      if (previous) await repo.delete({ id: previous.id });
      const inserted = await repo.insert({
        returnId: id,
        ...target,
        assigneeId: input.userId,
        assignedBy: actor.id,
      });
      const saved = await repo.findOneByOrFail({ id: (inserted.identifiers[0] as { id: string }).id });
      await this.audit.record(
        {
          action: 'return.assigned',
          actor,
          target: { type: 'return', id, label: returnLabel(ret, cycle) },
          details: { ...target, assigneeId: input.userId, previousAssigneeId: previous?.assigneeId ?? null },
        },
        manager,
      );
      return toAssignment(saved, await this.store.people([saved.assigneeId, actor.id], manager));
    });
  }

  unassign(id: string, assignmentId: string, actor: Principal): Promise<void> {
    return this.store.dataSource.transaction(async (manager) => {
      const { ret, cycle } = await this.store.lock(manager, id);
      if (ret.state === 'submitted') throw sealed();
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
    const open = rets.filter((r) => r.state !== 'submitted');
    const summaries = await this.returns.summaries(open);
    const answers = await manager.getRepository(DomainAnswerEntity).find({
      where: { returnId: In(open.map((r) => r.id)) },
      select: { returnId: true, domainId: true, toConfirm: true },
    });
    const people = await this.store.people(assignments.flatMap((a) => [a.assigneeId, a.assignedBy]));
    const items: MyAssignment[] = [];
    for (const assignment of assignments) {
      const ret = open.find((r) => r.id === assignment.returnId);
      if (!ret) continue;
      const framework = await this.store.framework(ret);
      const domains = applicableDomains(framework, ret.careSetting).filter((d) =>
        assignment.measure ? d.measure === assignment.measure : d.id === assignment.domainId,
      );
      const done = new Set(
        answers.filter((a) => a.returnId === ret.id && !a.toConfirm).map((a) => a.domainId),
      );
      const remaining = domains
        .filter((d) => !done.has(d.id))
        .map((d) => ({ domainId: d.id, title: d.title }));
      items.push({
        assignment: toAssignment(assignment, people),
        return: summaries.find((s) => s.id === ret.id)!,
        title: assignment.measure
          ? (framework.measures.find((m) => m.id === assignment.measure)?.name ?? assignment.measure)
          : (domains[0]?.title ?? assignment.domainId ?? ''),
        total: domains.length,
        answered: domains.length - remaining.length,
        remaining,
      });
    }
    return { items };
  }
}
