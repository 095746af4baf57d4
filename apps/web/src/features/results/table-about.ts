import type { FigureBasis } from '@wgll/contracts';

import { formatDate } from '../../lib/dates';
import { describeBasis, type BasisOptions } from './figures';
import { measureNames } from './results-labels';

/** What a downloaded table is, for its spreadsheet's "About this data" sheet. */
export interface TableAbout {
  /** What the table shows: its caption. */
  title: string;
  /** The line under the table on the page: cycle, scope, source, count, aggregation. */
  figures: string;
  /** The cycle (or cycles) of the figures. */
  cycle: string;
  /** Where the figures come from. */
  source: string;
}

/** Where a cycle's figures come from, in a sentence. */
export function sourceSentence(basis: Pick<FigureBasis, 'source' | 'publication'>): string {
  if (basis.source === 'sealed') {
    return 'Returns submitted on this platform: each self-assessed, approved by the organisation’s board and sealed.';
  }
  const publication = basis.publication;
  if (!publication) return 'NHS England’s published digital maturity assessment results.';
  const date = publication.publicationDate ? `, published ${formatDate(publication.publicationDate)}` : '';
  return `NHS England’s published digital maturity assessment results: ${publication.title}${date} (file ${publication.fileName}).`;
}

/** The "About this data" of a table whose figures have a basis (every cycle results table). */
export function basisAbout(title: string, basis: FigureBasis, options: BasisOptions = {}): TableAbout {
  return {
    title,
    figures: describeBasis(basis, options),
    cycle: basis.cycle.name,
    source: sourceSentence(basis),
  };
}

/** The "About this data" of a table over the years: each row says its cycle and its source. */
export function trendAbout(title: string, figures: string): TableAbout {
  return {
    title,
    figures,
    cycle: 'Every cycle with results, one row each (see the Cycle column).',
    source:
      'Each row says its own source: NHS England’s published digital maturity assessment results (2025 and earlier) or the returns submitted and sealed on this platform. A break row marks where the figures stop being comparable.',
  };
}

/** The "About this data" of a table of returns' progress: states only, never answers. */
export function completionAbout(title: string, cycle: string, figures: string): TableAbout {
  return {
    title,
    figures,
    cycle,
    source: 'The returns on this platform as they are now: the state of each, never its answers.',
  };
}

const MEASURE_MEANING =
  'Score in the success measure: the mean of its domains’ levels (each 1 to 5), to one decimal place';

/** Column headings every table shares, and what their figures mean. */
const COLUMN_MEANINGS: Record<string, string> = {
  Score: MEASURE_MEANING,
  Overall: 'Overall score: the mean of the seven measure scores, to one decimal place',
  'Overall score': 'The mean of the seven measure scores, to one decimal place',
  'ICS median': 'Median score of the organisations in the ICS with the same care setting (itself included)',
  'National median': 'Median score of the organisations in England with the same care setting',
  'National lower quartile': 'Lower quartile (inclusive method) of the same organisations in England',
  'National upper quartile': 'Upper quartile (inclusive method) of the same organisations in England',
  Position: 'The quarter of organisations in England the score falls in (never a rank)',
  Lowest: 'The lowest score',
  'Lower quartile': 'Lower quartile (inclusive method)',
  Median: 'The median score',
  'Upper quartile': 'Upper quartile (inclusive method)',
  Highest: 'The highest score',
  Organisations: 'How many organisations the figures are drawn from',
  'ODS code': 'The organisation’s code in the NHS Organisation Data Service',
  Code: 'The ODS code',
  'Care setting': 'Acute, community, mental health or ambulance; “System (ICB)” for an ICB’s own return',
  Level: 'The domain’s level, 1 to 5: every element of that level and the levels below is met',
  'What the next level needs': 'The elements not yet met at the next level',
  State: 'How far the return has got: not started, draft, awaiting board approval, approved, submitted',
  'Returns expected': 'Trusts’ returns (one per care setting) and the ICB’s own return',
  'Organisations compared': 'Organisations with an overall score on comparable domains in both cycles',
  Improved: 'How many scored higher than the cycle before',
  Declined: 'How many scored lower than the cycle before',
  Unchanged: 'How many scored the same',
  'Mean change': 'The mean of this cycle’s score minus the last, over the organisations compared',
  Cycle: 'The assessment cycle',
  'Source of the figures': 'Where the row’s figures come from',
  'Primary care score': 'The ICB’s own score in NHS England’s primary care survey',
};

/** What a column's figures mean, or undefined when its heading says it all. */
export function columnMeaning(heading: string): string | undefined {
  const known = COLUMN_MEANINGS[heading];
  if (known) return known;
  const measure = Object.values(measureNames).find((name) => heading.startsWith(name));
  if (!measure) return undefined;
  const rest = heading.slice(measure.length).trim();
  if (rest === '') return MEASURE_MEANING;
  if (rest === 'below') return 'How many scored below the threshold in the measure (or why not shown)';
  if (rest === 'of') return 'Out of how many with a score in the measure';
  if (rest === 'count') return 'How many organisations the measure’s figures are drawn from';
  return `The ${rest} of the scores in the measure`;
}

export const SCORE_RULES =
  'Each domain is scored 1 to 5 from the elements met: all elements of a level (and the levels below) must be met to reach it. A measure’s score is the mean of its domains’ levels; the overall score is the mean of the seven measures. Figures are shown to one decimal place, as NHS England publishes them. Compare organisations within the same care setting: the results guide progress, they do not rank.';

export const SUPPRESSION_RULES =
  'Comparisons drawn from fewer than 3 organisations (an ICS median, a spread, a region’s figures) are not shown: the cell says how many organisations and “too few organisations to compare”. National distributions are shown only from 5 or more organisations (k ≥ 5); otherwise the cell says “Fewer than 5 organisations – not shown”. Drafts are never included.';
