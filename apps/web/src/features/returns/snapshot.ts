/** The parts of a sealed snapshot the seal page shows; anything unexpected is left out. */
export interface SnapshotScores {
  measures: { measure: string; score: number | null }[];
  overall: number | null;
  submittedAt: string | null;
  answers: number;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

const asScore = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** Reads the scores out of a sealed snapshot's JSON (its shape is checked, not trusted). */
export function readSnapshot(snapshot: unknown): SnapshotScores | undefined {
  const root = asRecord(snapshot);
  const scores = asRecord(root?.['scores']);
  if (!root || !scores) return undefined;
  const measures = Array.isArray(scores['measures']) ? scores['measures'] : [];
  return {
    measures: measures.flatMap((item) => {
      const record = asRecord(item);
      return record && typeof record['measure'] === 'string'
        ? [{ measure: record['measure'], score: asScore(record['score']) }]
        : [];
    }),
    overall: asScore(scores['overall']),
    submittedAt: typeof root['submittedAt'] === 'string' ? root['submittedAt'] : null,
    answers: Array.isArray(root['answers']) ? root['answers'].length : 0,
  };
}
