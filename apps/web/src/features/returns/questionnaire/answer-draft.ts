import type { Confidence, DomainAnswer, SaveAnswerRequest } from '@wgll/contracts';

/** What a person edits for one domain: everything of an answer except its bookkeeping. */
export interface AnswerDraft {
  met: string[];
  notApplicable: boolean;
  /** "None of these is met yet": answers the domain at level 1 (exclusive with ticked elements). */
  noneMet: boolean;
  comment: string;
  confidence: Confidence | null;
  evidenceIds: string[];
}

export const EMPTY_DRAFT: AnswerDraft = {
  met: [],
  notApplicable: false,
  noneMet: false,
  comment: '',
  confidence: null,
  evidenceIds: [],
};

/** The draft a stored answer shows (an empty one for a domain never answered). */
export function draftFromAnswer(answer: DomainAnswer | null | undefined): AnswerDraft {
  if (!answer) return EMPTY_DRAFT;
  return {
    met: [...answer.met],
    notApplicable: answer.notApplicable,
    noneMet: answer.noneMet,
    comment: answer.comment,
    confidence: answer.confidence,
    evidenceIds: [...answer.evidenceIds],
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((item) => set.has(item));
}

/**
 * The elements that count as met. A domain answered "not applicable" has none: the ticks stay in the
 * draft (so unticking "Not applicable" brings them back) but are neither saved nor scored.
 */
export function effectiveMet(draft: AnswerDraft): string[] {
  return draft.notApplicable ? [] : draft.met;
}

/** "None of these is met yet" as it counts: not with elements ticked or "not applicable". */
export function effectiveNoneMet(draft: AnswerDraft): boolean {
  return draft.noneMet && !draft.notApplicable && draft.met.length === 0;
}

/** What decides whether the draft answers the domain (see isAnswered in libs/scoring). */
export function answerChoices(draft: AnswerDraft): {
  met: string[];
  notApplicable: boolean;
  noneMet: boolean;
} {
  return { met: effectiveMet(draft), notApplicable: draft.notApplicable, noneMet: effectiveNoneMet(draft) };
}

/** Whether two drafts say the same thing (element and evidence order does not matter). */
export function sameDraft(a: AnswerDraft, b: AnswerDraft): boolean {
  return (
    a.notApplicable === b.notApplicable &&
    effectiveNoneMet(a) === effectiveNoneMet(b) &&
    a.comment === b.comment &&
    a.confidence === b.confidence &&
    sameSet(effectiveMet(a), effectiveMet(b)) &&
    sameSet(a.evidenceIds, b.evidenceIds)
  );
}

export function toSaveRequest(draft: AnswerDraft, baseVersion: number): SaveAnswerRequest {
  return {
    baseVersion,
    met: [...effectiveMet(draft)],
    notApplicable: draft.notApplicable,
    noneMet: effectiveNoneMet(draft),
    comment: draft.comment,
    confidence: draft.confidence,
    evidenceIds: [...draft.evidenceIds],
  };
}

/** Adds or removes one id, keeping the others in order. */
export function toggle(ids: readonly string[], id: string, on: boolean): string[] {
  const without = ids.filter((item) => item !== id);
  return on ? [...without, id] : without;
}

const confidences: readonly string[] = ['low', 'medium', 'high'];

/** Reads a draft back from storage, or undefined when it is not one. */
export function parseDraft(value: unknown): AnswerDraft | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((i) => typeof i === 'string');
  if (!strings(v['met']) || !strings(v['evidenceIds'])) return undefined;
  if (typeof v['notApplicable'] !== 'boolean' || typeof v['comment'] !== 'string') return undefined;
  const confidence = v['confidence'];
  if (confidence !== null && !(typeof confidence === 'string' && confidences.includes(confidence))) {
    return undefined;
  }
  return {
    met: v['met'],
    notApplicable: v['notApplicable'],
    // Drafts stored before "none met" existed read as not confirmed.
    noneMet: v['noneMet'] === true,
    comment: v['comment'],
    confidence: confidence as Confidence | null,
    evidenceIds: v['evidenceIds'],
  };
}
