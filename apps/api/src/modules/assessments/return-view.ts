import type { MeasureProgress, MissingItem, ReturnProgress, ReturnScores } from '@wgll/contracts';
import { appliesTo, type CareSetting, type FrameworkDomain, type FrameworkVersion } from '@wgll/framework';
import { type DomainAnswer, isAnswered, scoreReturn } from '@wgll/scoring';

/** What scoring needs of a stored answer. */
export interface AnswerFacts {
  domainId: string;
  met: readonly string[];
  notApplicable: boolean;
  noneMet: boolean;
  toConfirm: boolean;
}

/** The domains a return answers: all of a system framework, or those of the trust's care setting. */
export function applicableDomains(
  framework: FrameworkVersion,
  careSetting: CareSetting | null,
): FrameworkDomain[] {
  return careSetting === null
    ? framework.domains
    : framework.domains.filter((d) => appliesTo(d, careSetting));
}

/** Scores, progress and what is missing, derived from the framework and the answers (pure). */
export interface ReturnView {
  scores: ReturnScores;
  progress: ReturnProgress;
  measures: MeasureProgress[];
  /** Domains unanswered or still to confirm, in framework order. */
  missingDomains: MissingItem[];
}

export function viewReturn(
  framework: FrameworkVersion,
  careSetting: CareSetting | null,
  answers: readonly AnswerFacts[],
): ReturnView {
  // A stored answer with only a comment or a confidence is no answer: its domain is unanswered.
  const given = answers.filter((a) => isAnswered(a));
  const byDomain = new Map(given.map((a) => [a.domainId, a]));
  const scoringAnswers = new Map<string, DomainAnswer>(
    given.map((a) => [a.domainId, a.notApplicable ? { notApplicable: true } : { met: new Set(a.met) }]),
  );
  const scored = scoreReturn(framework, careSetting, scoringAnswers);
  const domains = applicableDomains(framework, careSetting);
  const missingDomains: MissingItem[] = [];
  const measures: MeasureProgress[] = framework.measures.map((m) => ({
    measure: m.id,
    name: m.name,
    total: 0,
    answered: 0,
    toConfirm: 0,
    score: scored.measures.find((s) => s.measure === m.id)?.score ?? null,
  }));
  for (const domain of domains) {
    const progress = measures.find((m) => m.measure === domain.measure)!;
    const answer = byDomain.get(domain.id);
    progress.total += 1;
    if (answer && !answer.toConfirm) progress.answered += 1;
    if (answer?.toConfirm) progress.toConfirm += 1;
    if (!answer || answer.toConfirm) {
      missingDomains.push({
        kind: 'domain',
        domainId: domain.id,
        measure: domain.measure,
        title: domain.title,
        reason: answer ? 'to-confirm' : 'unanswered',
      });
    }
  }
  const sum = (key: 'total' | 'answered' | 'toConfirm') => measures.reduce((n, m) => n + m[key], 0);
  return {
    scores: {
      domains: scored.domains.map((d) => ({ ...d })),
      measures: scored.measures.map(({ measure, domains: n, scored: s, notApplicable, missing, score }) => ({
        measure,
        domains: n,
        scored: s,
        notApplicable,
        missing,
        score,
      })),
      overall: scored.overall,
    },
    progress: { total: sum('total'), answered: sum('answered'), toConfirm: sum('toConfirm') },
    measures,
    missingDomains,
  };
}

/** Each missing item as a field error, for 409 responses that list what is missing. */
export function missingAsErrors(missing: readonly MissingItem[]): { field: string; messages: string[] }[] {
  return missing.map((item) =>
    item.kind === 'approval'
      ? { field: 'approval', messages: ['No board approval is recorded for this revision'] }
      : {
          field: `domains.${item.domainId}`,
          messages: [
            item.reason === 'to-confirm'
              ? `${item.title}: confirm or change the carried-forward answer`
              : `${item.title}: not answered yet`,
          ],
        },
  );
}
