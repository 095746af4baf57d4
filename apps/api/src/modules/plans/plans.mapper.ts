import type { PersonRef, PlanAction, PlanApprovalRecord } from '@wgll/contracts';
import type { Person } from '../users/people.repository.js';
import type { PlanActionEntity } from './entities/plan-action.entity.js';
import type { PlanApprovalEntity } from './entities/plan-approval.entity.js';

export type People = Map<string, Person>;

const UNKNOWN: PersonRef = { id: '', displayName: 'Unknown user' };

export function personRef(people: People, id: string | null): PersonRef | null {
  const found = id ? people.get(id) : undefined;
  return found ? { id: found.id, displayName: found.displayName } : null;
}

/** `carriedCycles`: the cycle name of each carried action's source, by the source action's id. */
export function toAction(
  a: PlanActionEntity,
  people: People,
  carriedCycles: Map<string, string>,
): PlanAction {
  return {
    id: a.id,
    domainId: a.domainId,
    elementIds: [...a.elementIds],
    title: a.title,
    description: a.description,
    owner: personRef(people, a.ownerId),
    dueDate: a.dueDate,
    state: a.state,
    blockedReason: a.blockedReason,
    funding: a.funding,
    expectedBenefit: a.expectedBenefit,
    evidenceIds: [...a.evidenceIds],
    carriedFrom: a.carriedFromActionId
      ? { actionId: a.carriedFromActionId, cycleName: carriedCycles.get(a.carriedFromActionId) ?? '' }
      : null,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
    updatedBy: personRef(people, a.updatedBy),
  };
}

export function toApprovalRecord(a: PlanApprovalEntity, people: People): PlanApprovalRecord {
  return {
    id: a.id,
    approver: personRef(people, a.approverId) ?? UNKNOWN,
    meetingDate: a.meetingDate,
    minuteReference: a.minuteReference,
    approvedAt: a.approvedAt.toISOString(),
    returnApprovalId: a.returnApprovalId,
    planVersion: a.planVersion,
  };
}
