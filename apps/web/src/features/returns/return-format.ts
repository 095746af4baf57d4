/** Scores are shown to one decimal place, for example `2.5`; "Not yet scored" while incomplete. */
export function formatScore(score: number | null): string {
  return score === null ? 'Not yet scored' : score.toFixed(1);
}
