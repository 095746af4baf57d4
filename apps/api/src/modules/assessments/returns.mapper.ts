import type {
  Approval,
  Assignment,
  DomainAnswer,
  Evidence,
  PersonRef,
  ReturnDecline,
  SealSummary,
} from '@wgll/contracts';
import type { DomainAnswerEntity } from './entities/domain-answer.entity.js';
import type { EvidenceEntity } from './entities/evidence.entity.js';
import type { ReturnApprovalEntity } from './entities/return-approval.entity.js';
import type { ReturnDeclineEntity } from './entities/return-decline.entity.js';
import type { ReturnAssignmentEntity } from './entities/return-assignment.entity.js';
import type { ReturnSealEntity } from './entities/return-seal.entity.js';

export type People = Map<string, PersonRef & { email: string }>;

function person(people: People, id: string | null): PersonRef | null {
  const found = id ? people.get(id) : undefined;
  return found ? { id: found.id, displayName: found.displayName } : null;
}

const UNKNOWN: PersonRef = { id: '', displayName: 'Unknown user' };

export function toAnswer(a: DomainAnswerEntity, people: People): DomainAnswer {
  return {
    domainId: a.domainId,
    met: [...a.met].sort(),
    notApplicable: a.notApplicable,
    noneMet: a.noneMet,
    comment: a.comment,
    confidence: a.confidence,
    evidenceIds: [...a.evidenceIds].sort(),
    version: a.version,
    toConfirm: a.toConfirm,
    updatedAt: a.updatedAt.toISOString(),
    updatedBy: person(people, a.updatedBy),
  };
}

export function toEvidence(e: EvidenceEntity, usedBy: string[], people: People): Evidence {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    url: e.url,
    fileName: e.fileName,
    mediaType: e.mediaType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    addedAt: e.addedAt.toISOString(),
    addedBy: person(people, e.addedBy),
    usedBy: [...usedBy].sort(),
  };
}

export function toAssignment(a: ReturnAssignmentEntity, people: People): Assignment {
  const assignee = people.get(a.assigneeId);
  return {
    id: a.id,
    measure: a.measure,
    domainId: a.domainId,
    assignee: assignee ?? { ...UNKNOWN, id: a.assigneeId, email: '' },
    assignedAt: a.assignedAt.toISOString(),
    assignedBy: person(people, a.assignedBy),
    dueDate: a.dueDate,
  };
}

export function toApproval(a: ReturnApprovalEntity, people: People): Approval {
  return {
    id: a.id,
    revision: a.revision,
    approver: person(people, a.approverId) ?? UNKNOWN,
    meetingDate: a.meetingDate,
    minuteReference: a.minuteReference,
    approvedAt: a.approvedAt.toISOString(),
    withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
    withdrawnReason: a.withdrawnReason,
  };
}

export function toDecline(d: ReturnDeclineEntity, people: People): ReturnDecline {
  return {
    id: d.id,
    revision: d.revision,
    decliner: person(people, d.declinerId) ?? UNKNOWN,
    reason: d.reason,
    meetingDate: d.meetingDate,
    minuteReference: d.minuteReference,
    declinedAt: d.declinedAt.toISOString(),
  };
}

export function toSeal(
  s: Pick<ReturnSealEntity, 'revision' | 'sha256' | 'sealedAt' | 'sealedBy'>,
  people: People,
): SealSummary {
  return {
    revision: s.revision,
    sha256: s.sha256,
    sealedAt: s.sealedAt.toISOString(),
    sealedBy: person(people, s.sealedBy) ?? UNKNOWN,
  };
}
