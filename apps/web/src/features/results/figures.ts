import type { Distribution, FigureBasis, Movement, ShareBelow } from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';

import { formatDate } from '../../lib/dates';
import { careSettingLabels, formatPercent, pluralise } from '../../lib/format';
import type { CsvValue } from './csv';
import { withheldText } from './results-labels';

/** A distribution's figure for a table cell; suppressed figures are never shown. */
export function distributionFigure(distribution: Distribution, key: keyof Distribution): string {
  if (distribution.suppressed) return withheldText(distribution);
  const value = distribution[key];
  return typeof value === 'number' ? formatScore(value) : '–';
}

/** `2.4 to 3.1`, for an interquartile range. */
export function quartileRange(distribution: Distribution): string {
  if (distribution.suppressed) return withheldText(distribution);
  if (distribution.lowerQuartile === null || distribution.upperQuartile === null) return '–';
  return `${formatScore(distribution.lowerQuartile)} to ${formatScore(distribution.upperQuartile)}`;
}

/** `12 of 40 (30%)`; from fewer than 3 organisations, how many and that they are too few. */
export function shareText(share: ShareBelow): string {
  if (share.suppressed) return withheldText({ count: share.of, reason: share.reason });
  if (share.of === 0 || share.share === null) return 'None scored';
  return `${share.count} of ${share.of} (${formatPercent(share.share)})`;
}

/** A share's CSV cells: how many below (or why not shown), and out of how many. */
export function shareCsvCells(share: ShareBelow): CsvValue[] {
  return [share.suppressed ? shareText(share) : share.count, share.of];
}

/** A movement's CSV cells: how many compared, then its figures (or why they are not shown). */
export function movementCsvCells(movement: Movement): CsvValue[] {
  if (movement.suppressed) return [movement.count, ...Array<string>(4).fill(withheldText(movement))];
  return [
    movement.count,
    movement.improved,
    movement.declined,
    movement.unchanged,
    movement.meanChange === null ? '' : Math.round(movement.meanChange * 100) / 100,
  ];
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
