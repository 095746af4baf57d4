import type { MeasureId } from '@wgll/contracts';
import { isAnswered } from '@wgll/scoring';
import type { EntityManager } from 'typeorm';
import type { AnswersRepository } from './answers.repository.js';
import type { AssessmentReturnEntity } from './entities/assessment-return.entity.js';
import type { ReturnAssignmentEntity } from './entities/return-assignment.entity.js';
import type { ReturnStore } from './return-store.js';
import { applicableDomains } from './return-view.js';

/** What an assignment covers of its return and what of it is still to answer or confirm. */
export interface AssignmentProgress {
  /** The measure's name or the domain's title. */
  title: string;
  /** The measure whose questions the work is in (a domain's own measure); null if the framework has none. */
  measure: MeasureId | null;
  total: number;
  remaining: { domainId: string; title: string }[];
}

/**
 * The progress of each assignment (by assignment id) whose return is among `rets`; assignments of
 * other returns are left out.
 */
export async function assignmentProgress(
  store: ReturnStore,
  answers: AnswersRepository,
  assignments: readonly ReturnAssignmentEntity[],
  rets: readonly AssessmentReturnEntity[],
  manager: EntityManager,
): Promise<Map<string, AssignmentProgress>> {
  const result = new Map<string, AssignmentProgress>();
  const wanted = rets.filter((r) => assignments.some((a) => a.returnId === r.id));
  if (wanted.length === 0) return result;
  const choices = await answers.choicesOf(
    manager,
    wanted.map((r) => r.id),
  );
  for (const assignment of assignments) {
    const ret = wanted.find((r) => r.id === assignment.returnId);
    if (!ret) continue;
    const framework = await store.framework(ret, manager);
    const domains = applicableDomains(framework, ret.careSetting).filter((d) =>
      assignment.measure ? d.measure === assignment.measure : d.id === assignment.domainId,
    );
    const done = new Set(
      choices.filter((a) => a.returnId === ret.id && !a.toConfirm && isAnswered(a)).map((a) => a.domainId),
    );
    result.set(assignment.id, {
      title: assignment.measure
        ? (framework.measures.find((m) => m.id === assignment.measure)?.name ?? assignment.measure)
        : (domains[0]?.title ?? assignment.domainId ?? ''),
      measure: assignment.measure ?? domains[0]?.measure ?? null,
      total: domains.length,
      remaining: domains.filter((d) => !done.has(d.id)).map((d) => ({ domainId: d.id, title: d.title })),
    });
  }
  return result;
}
