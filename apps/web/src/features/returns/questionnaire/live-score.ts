import type { CareSetting, MeasureId } from '@wgll/contracts';
import type { FrameworkDomain, FrameworkVersion } from '@wgll/framework';
import {
  domainLevel,
  isAnswered,
  scoreReturn,
  type DomainAnswer as ScoringAnswer,
  type ReturnScores,
} from '@wgll/scoring';

import { answerChoices, effectiveMet, type AnswerDraft } from './answer-draft';
import type { AutosaveSnapshot, DomainSaveView } from './autosave-snapshot';

/**
 * Whether the domain is answered as the person sees it now (saved or about to be): an element
 * ticked, not applicable, or "none of these is met yet". A comment or a confidence alone is not.
 */
export function hasAnswer(view: DomainSaveView | undefined): boolean {
  return (
    view !== undefined && (view.stored !== null || view.unsaved) && isAnswered(answerChoices(view.draft))
  );
}

/**
 * A domain's level as every page says it: "Not answered", "Not applicable" or "Level n". `given`:
 * the answer exists (saved, or about to be); a comment or a confidence alone still is no answer.
 */
export function answerLevelLabel(domain: FrameworkDomain, draft: AnswerDraft, given: boolean): string {
  if (!given || !isAnswered(answerChoices(draft))) return 'Not answered';
  if (draft.notApplicable && domain.notApplicableAllowed) return 'Not applicable';
  return `Level ${domainLevel(domain, new Set(effectiveMet(draft)))}`;
}

/** Still to confirm: carried forward, and neither confirmed nor changed yet. */
export function isToConfirm(view: DomainSaveView | undefined): boolean {
  return view?.stored?.toConfirm === true && !view.unsaved;
}

/** A domain's state as the person sees it now: the words of the measure list and the review page. */
export function domainStateLabel(domain: FrameworkDomain, view: DomainSaveView | undefined): string {
  if (isToConfirm(view)) return 'To confirm';
  return view ? answerLevelLabel(domain, view.draft, hasAnswer(view)) : 'Not answered';
}

/** The answers as the person sees them now (unsaved edits included), for scoring. */
function liveAnswers(snapshot: AutosaveSnapshot): Map<string, ScoringAnswer> {
  const answers = new Map<string, ScoringAnswer>();
  for (const view of snapshot.domains.values()) {
    if (!hasAnswer(view)) continue;
    answers.set(
      view.domainId,
      view.draft.notApplicable ? { notApplicable: true } : { met: new Set(effectiveMet(view.draft)) },
    );
  }
  return answers;
}

/** Scores computed in the browser from what is on screen: never typed, never waiting for a save. */
export function liveScores(
  framework: FrameworkVersion,
  careSetting: CareSetting | null,
  snapshot: AutosaveSnapshot,
): ReturnScores {
  return scoreReturn(framework, careSetting, liveAnswers(snapshot));
}

export interface LiveMeasureProgress {
  measure: MeasureId;
  name: string;
  total: number;
  answered: number;
  toConfirm: number;
}

/** Each measure's answered and to-confirm counts, live. */
export function liveProgress(framework: FrameworkVersion, snapshot: AutosaveSnapshot): LiveMeasureProgress[] {
  return framework.measures.map((measure) => {
    const domains: FrameworkDomain[] = framework.domains.filter((domain) => domain.measure === measure.id);
    let answered = 0;
    let toConfirm = 0;
    for (const domain of domains) {
      const view = snapshot.domains.get(domain.id);
      if (isToConfirm(view)) toConfirm += 1;
      else if (hasAnswer(view)) answered += 1;
    }
    return { measure: measure.id, name: measure.name, total: domains.length, answered, toConfirm };
  });
}
