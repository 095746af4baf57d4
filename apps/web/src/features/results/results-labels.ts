import type {
  CareSetting,
  CompletionState,
  Distribution,
  FigureBasis,
  MeasureId,
  QuartilePosition,
  ResultCycle,
} from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';
import { formatScore } from '@wgll/scoring';

import { formatDate } from '../../lib/dates';
import { careSettingLabels, pluralise } from '../../lib/format';
import { returnStateLabels } from '../returns/return-labels';

/** The seven measures in the framework's order. */
export const measureIds: readonly MeasureId[] = MEASURE_IDS;

/**
 * The measures' names in the WGLL framework (2021). NHS England's 2025 data file names some of them
 * differently ("Support Workforce", "Empower People"); the ids are the same.
 */
export const measureNames: Record<MeasureId, string> = {
  'well-led': 'Well led',
  'smart-foundations': 'Ensure smart foundations',
  'safe-practice': 'Safe practice',
  'support-people': 'Support people',
  'empower-citizens': 'Empower citizens',
  'improve-care': 'Improve care',
  'healthy-populations': 'Healthy populations',
};

export const careSettings = Object.keys(careSettingLabels) as CareSetting[];

export function isCareSetting(value: string | null | undefined): value is CareSetting {
  return typeof value === 'string' && Object.hasOwn(careSettingLabels, value);
}

/** Positions are said by quarter, never as a rank. */
export const positionLabels: Record<QuartilePosition, string> = {
  'lowest-quarter': 'Lowest quarter',
  'second-quarter': 'Second quarter (below the median)',
  'at-median': 'At the median',
  'third-quarter': 'Third quarter (above the median)',
  'highest-quarter': 'Highest quarter',
};

export function positionLabel(position: QuartilePosition | null): string {
  return position ? positionLabels[position] : 'Not shown';
}

export const completionStates: CompletionState[] = [
  'not-started',
  'draft',
  'awaiting-approval',
  'approved',
  'submitted',
];

export const completionStateLabels: Record<CompletionState, string> = {
  'not-started': 'Not started',
  ...returnStateLabels,
};

export const SUPPRESSED_TEXT = 'Fewer than 5 organisations – not shown';

/** A score to one decimal place, as the DMA publishes; "–" when there is none. */
export { formatScore };

/** A distribution's figure for a table cell; suppressed figures are never shown. */
export function distributionFigure(distribution: Distribution, key: keyof Distribution): string {
  if (distribution.suppressed) return SUPPRESSED_TEXT;
  const value = distribution[key];
  return typeof value === 'number' ? formatScore(value) : '–';
}

/** `2.4 to 3.1`, for an interquartile range. */
export function quartileRange(distribution: Distribution): string {
  if (distribution.suppressed) return SUPPRESSED_TEXT;
  if (distribution.lowerQuartile === null || distribution.upperQuartile === null) return '–';
  return `${formatScore(distribution.lowerQuartile)} to ${formatScore(distribution.upperQuartile)}`;
}

/** `12 of 40 (30%)`. */
export function shareText(share: { count: number; of: number; share: number | null }): string {
  if (share.of === 0 || share.share === null) return 'None scored';
  return `${share.count} of ${share.of} (${Math.round(share.share * 100)}%)`;
}

/** `+0.3`, `-0.2`, `0.0` for a change in score. */
export function formatChange(change: number | null): string {
  if (change === null) return '–';
  const rounded = Math.round(change * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded).toFixed(1)}`;
}

/** Where a cycle's figures come from, in a few words. */
export function sourceText(source: FigureBasis['source'], publication: FigureBasis['publication']): string {
  if (source === 'sealed') return 'Source: self-assessed returns, approved by each board and sealed';
  if (!publication) return 'Source: published by NHS England';
  const date = publication.publicationDate ? `, ${formatDate(publication.publicationDate)}` : '';
  return `Source: published by NHS England (${publication.title}${date})`;
}

export interface BasisOptions {
  /** Said instead of the care setting, for example "ICBs' own returns (system level)". */
  scope?: string;
  /** How many organisations the figure covers, when not the basis's own count (e.g. a peers table). */
  count?: number;
  /** Said instead of the basis's own aggregation. */
  aggregation?: string;
}

/**
 * What a figure is, in one line: `Cycle 2025/26 · Acute · Source: published by NHS England (…) ·
 * 134 organisations · Median and quartiles …`.
 */
export function describeBasis(basis: FigureBasis, options: BasisOptions = {}): string {
  const scope =
    options.scope ?? (basis.careSetting ? careSettingLabels[basis.careSetting] : 'All care settings');
  return [
    `Cycle ${basis.cycle.name}`,
    scope,
    sourceText(basis.source, basis.publication),
    pluralise(options.count ?? basis.count, 'organisation'),
    options.aggregation ?? basis.aggregation,
  ]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

/** Joins sentences, each ending with one full stop: `A.` + `B` → `A. B`. */
export function sentences(...parts: string[]): string {
  return parts
    .map((part) => part.trim().replace(/\.+$/, ''))
    .filter(Boolean)
    .join('. ');
}

/** The cycle to show first: the newest with any results, else the newest. */
export function defaultResultCycle(cycles: ResultCycle[]): ResultCycle | undefined {
  return cycles.find((cycle) => cycle.organisationResults + cycle.systemResults > 0) ?? cycles[0];
}

/** `2025/26` → `2025-26`, for file names. */
export function fileSafe(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
