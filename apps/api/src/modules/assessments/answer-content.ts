import type { FrameworkDomain } from '@wgll/framework';
import { domainLevel, isAnswered } from '@wgll/scoring';
import type { SaveAnswerDto } from './dto/returns.dto.js';
import type { DomainAnswerEntity } from './entities/domain-answer.entity.js';

/** What a save sets of an answer: the person's choices, without version or authorship. */
export type AnswerContent = Pick<
  DomainAnswerEntity,
  'met' | 'notApplicable' | 'noneMet' | 'comment' | 'confidence' | 'evidenceIds'
>;

/** What the audit log keeps of an answer, before and after a change. */
export function auditView(domain: FrameworkDomain, a: AnswerContent | null) {
  if (!a) return null;
  return {
    level: a.notApplicable || !isAnswered(a) ? null : domainLevel(domain, new Set(a.met)),
    met: [...a.met].sort(),
    notApplicable: a.notApplicable,
    noneMet: a.noneMet,
    comment: a.comment,
    confidence: a.confidence,
    evidenceIds: [...a.evidenceIds].sort(),
  };
}

export function contentOf(input: SaveAnswerDto): AnswerContent {
  return {
    met: [...new Set(input.met)],
    notApplicable: input.notApplicable,
    noneMet: input.noneMet,
    comment: input.comment,
    confidence: input.confidence ?? null,
    evidenceIds: [...new Set(input.evidenceIds)],
  };
}

export function sameContent(a: AnswerContent, b: AnswerContent): boolean {
  const set = (x: readonly string[]) => [...x].sort().join('\n');
  return (
    set(a.met) === set(b.met) &&
    a.notApplicable === b.notApplicable &&
    a.noneMet === b.noneMet &&
    a.comment === b.comment &&
    a.confidence === b.confidence &&
    set(a.evidenceIds) === set(b.evidenceIds)
  );
}
