import type { MeasureScore } from '@wgll/contracts';

/** Scores are shown to one decimal place, for example `2.5`; "Not yet scored" while incomplete. */
export function formatScore(score: number | null): string {
  return score === null ? 'Not yet scored' : score.toFixed(1);
}

/** A measure's score: "Not applicable" when every one of its domains is, otherwise as formatScore. */
export function measureScoreText(
  result: Pick<MeasureScore, 'score' | 'domains' | 'missing'> | undefined,
): string {
  if (result && result.score === null && result.missing === 0 && result.domains > 0) return 'Not applicable';
  return formatScore(result?.score ?? null);
}
