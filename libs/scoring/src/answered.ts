/** What decides whether a domain is answered: the three ways of giving an answer. */
export interface AnswerChoices {
  /** Element ids ticked as met. */
  met: readonly string[];
  notApplicable: boolean;
  /** The person confirmed that none of the domain's elements is met yet. */
  noneMet: boolean;
}

/**
 * A domain counts as answered only when an element is ticked, it is marked not applicable, or the
 * person confirms that none of its elements is met yet. A comment or a confidence alone is not an
 * answer: the domain is not scored (not even at level 1) until one of the three is given.
 */
export function isAnswered(answer: AnswerChoices | null | undefined): boolean {
  if (!answer) return false;
  return answer.met.length > 0 || answer.notApplicable || answer.noneMet;
}
