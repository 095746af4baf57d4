import { formatScore } from '@wgll/scoring';

/**
 * Light shades of blue, darker for higher scores, each with dark text (contrast 5.9:1 or more). The
 * number is always shown: the shade only repeats it.
 */
export const heatShades = [
  { from: 1, to: 1.4, colour: '#f2f7fc' },
  { from: 1.5, to: 1.9, colour: '#deebf7' },
  { from: 2, to: 2.4, colour: '#c6dbef' },
  { from: 2.5, to: 2.9, colour: '#b0d2ec' },
  { from: 3, to: 3.4, colour: '#9ecae1' },
  { from: 3.5, to: 3.9, colour: '#85bce0' },
  { from: 4, to: 5, colour: '#6baed6' },
] as const;

/** The shade of a score as shown (rounded to one decimal place), or none for no score. */
export function heatShade(score: number | null): string | undefined {
  if (score === null) return undefined;
  const shown = Number(formatScore(score));
  return [...heatShades].reverse().find((shade) => shown >= shade.from)?.colour ?? heatShades[0].colour;
}
