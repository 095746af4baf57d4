import { describe, expect, it } from '@jest/globals';
import type { Distribution, FigureBasis, Movement, ResultCycle } from '@wgll/contracts';

import { csvScore, fileSafe, toCsv } from './csv';
import {
  describeBasis,
  distributionFigure,
  formatChange,
  movementCsvCells,
  quartileRange,
  shareCsvCells,
  shareText,
} from './figures';
import { heatShade, heatShades } from './heat-shades';
import { defaultResultCycle, figuresCycle } from './result-cycles';
import { positionLabel, SUPPRESSED_TEXT, withheldText } from './results-labels';

const published: FigureBasis = {
  cycle: { id: 'c1', name: '2025/26', referenceDate: '2025-04-01' },
  source: 'published',
  publication: {
    title: 'Digital Maturity Assessment 2025 data report',
    fileName: 'NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx',
    publicationDate: '2026-03-30',
    importedAt: '2026-04-01T09:00:00Z',
  },
  careSetting: 'acute',
  count: 134,
  aggregation: 'Median and quartiles (inclusive method)',
};

function distribution(overrides: Partial<Distribution> = {}): Distribution {
  return {
    count: 12,
    suppressed: false,
    reason: null,
    min: 1.2,
    lowerQuartile: 2.04,
    median: 2.55,
    upperQuartile: 3.15,
    max: 4.5,
    mean: 2.6,
    ...overrides,
  };
}

function cycle(id: string, organisationResults: number, systemResults = 0): ResultCycle {
  return {
    id,
    name: id,
    referenceDate: '2025-04-01',
    source: null,
    publication: null,
    organisationResults,
    systemResults,
    careSettings: organisationResults > 0 ? ['acute'] : [],
    current: false,
    demo: false,
  };
}

describe('figure labels', () => {
  it('says what a published figure is, in one line', () => {
    expect(describeBasis(published)).toBe(
      'Cycle 2025/26 · Acute · Source: published by NHS England (Digital Maturity Assessment 2025 data report, 30 March 2026) · 134 organisations · Median and quartiles (inclusive method)',
    );
  });

  it('says sealed figures are self-assessed, and names the scope when there is no care setting', () => {
    const sealed: FigureBasis = {
      ...published,
      source: 'sealed',
      publication: null,
      careSetting: null,
      count: 42,
    };
    expect(describeBasis(sealed, { scope: 'ICBs’ own returns (system level)' })).toBe(
      'Cycle 2025/26 · ICBs’ own returns (system level) · Source: self-assessed returns, approved by each board and sealed · 42 organisations · Median and quartiles (inclusive method)',
    );
  });
});

describe('figures', () => {
  it('never shows a suppressed distribution', () => {
    const hidden = distribution({ suppressed: true, reason: 'anonymity', count: 3, median: null });
    expect(distributionFigure(hidden, 'median')).toBe(SUPPRESSED_TEXT);
    expect(quartileRange(hidden)).toBe(SUPPRESSED_TEXT);
    expect(SUPPRESSED_TEXT).toBe('Fewer than 5 organisations – not shown');
  });

  it('says how many when too few organisations to compare, never a median', () => {
    const one = distribution({ suppressed: true, reason: 'too-few', count: 1, median: null });
    expect(distributionFigure(one, 'median')).toBe('1 organisation: too few organisations to compare');
    expect(quartileRange(distribution({ suppressed: true, reason: 'too-few', count: 2 }))).toBe(
      '2 organisations: too few organisations to compare',
    );
    expect(withheldText({ count: 2, reason: 'too-few' })).toBe(
      '2 organisations: too few organisations to compare',
    );
  });

  it('shows figures to one decimal place', () => {
    expect(distributionFigure(distribution(), 'median')).toBe('2.6');
    expect(quartileRange(distribution())).toBe('2.0 to 3.2');
  });

  it('says positions by quarter, never by rank', () => {
    expect(positionLabel('lowest-quarter')).toBe('Lowest quarter');
    expect(positionLabel('highest-quarter')).toBe('Highest quarter');
    expect(positionLabel('at-median')).toBe('At the median');
    expect(positionLabel('second-quarter')).toBe('Second quarter (below the median)');
    expect(positionLabel(null)).toBe('Not shown');
  });

  it('gives a share below the threshold as a count and a percentage', () => {
    expect(shareText({ count: 12, of: 40, share: 0.3, suppressed: false, reason: null })).toBe(
      '12 of 40 (30%)',
    );
    expect(shareText({ count: 0, of: 0, share: null, suppressed: false, reason: null })).toBe('None scored');
    expect(shareCsvCells({ count: 12, of: 40, share: 0.3, suppressed: false, reason: null })).toEqual([
      12, 40,
    ]);
  });

  it('gives a share of fewer than 3 organisations as a count, too few to compare, on the page and in the CSV', () => {
    const share = { count: null, of: 1, share: null, suppressed: true, reason: 'too-few' } as const;
    expect(shareText(share)).toBe('1 organisation: too few organisations to compare');
    expect(shareCsvCells(share)).toEqual(['1 organisation: too few organisations to compare', 1]);
    expect(shareText({ ...share, of: 2 })).toBe('2 organisations: too few organisations to compare');
  });

  it('gives a movement of fewer than 3 organisations as a count, too few to compare, in the CSV', () => {
    const figures = { improved: 2, declined: 1, unchanged: 1, meanChange: 0.2049 };
    const shown: Movement = {
      count: 4,
      suppressed: false,
      reason: null,
      ...figures,
      previousMean: 2.5,
      currentMean: 2.7,
    };
    expect(movementCsvCells(shown)).toEqual([4, 2, 1, 1, 0.2]);
    // Withheld: whatever the figures, only the count and why.
    const withheld: Movement = { ...shown, count: 2, suppressed: true, reason: 'too-few' };
    const text = '2 organisations: too few organisations to compare';
    expect(movementCsvCells(withheld)).toEqual([2, text, text, text, text]);
  });

  it('signs changes, with a true minus sign', () => {
    expect(formatChange(0.26)).toBe('+0.3');
    expect(formatChange(-0.24)).toBe('−0.2');
    expect(formatChange(0.01)).toBe('0.0');
    expect(formatChange(null)).toBe('–');
  });
});

describe('choices', () => {
  it('shows the newest cycle with results first', () => {
    expect(defaultResultCycle([cycle('2026/27', 0), cycle('2025/26', 285, 42)])?.id).toBe('2025/26');
    expect(defaultResultCycle([cycle('2026/27', 0)])?.id).toBe('2026/27');
    expect(defaultResultCycle([])).toBeUndefined();
  });

  it('asks for the first cycle’s figures without waiting for the cycle list, and for another once it has come', () => {
    const cycles = [cycle('2026/27', 0), cycle('2025/26', 285, 42), cycle('2024/25', 280, 42)];
    // No cycle in the address: the API's default (the same rule), before and after the list.
    expect(figuresCycle(undefined, null)).toBeNull();
    expect(figuresCycle(cycles, null)).toBeNull();
    // A cycle in the address: known only once the list has come; the default one is asked for as such.
    expect(figuresCycle(undefined, '2024/25')).toBeUndefined();
    expect(figuresCycle(cycles, '2024/25')?.id).toBe('2024/25');
    expect(figuresCycle(cycles, '2025/26')).toBeNull();
    expect(figuresCycle(cycles, 'no-such-cycle')).toBeNull();
    // No cycles at all: nothing to ask for.
    expect(figuresCycle([], null)).toBeUndefined();
  });

  it('makes cycle names safe for file names', () => {
    expect(fileSafe('2025/26')).toBe('2025-26');
  });
});

describe('heatmap shades', () => {
  it('shades by the score as shown, darker for higher', () => {
    expect(heatShade(null)).toBeUndefined();
    expect(heatShade(1)).toBe(heatShades[0].colour);
    expect(heatShade(2.96)).toBe(heatShade(3));
    expect(heatShade(5)).toBe(heatShades[6].colour);
  });
});

describe('CSV', () => {
  it('writes a header and rows, keeping numbers and neutralising formulas', () => {
    const csv = toCsv(
      ['Organisation', 'Score', 'Change'],
      [
        ['King’s College Hospital, Denmark Hill', 2.5, -0.2],
        ['=HYPERLINK("x")', null, undefined],
      ],
    );
    expect(csv).toBe(
      '\uFEFFOrganisation,Score,Change\r\n"King’s College Hospital, Denmark Hill",2.5,-0.2\r\n"\'=HYPERLINK(""x"")",,',
    );
  });

  it('quotes text starting as any formula does (= + - @), never numbers', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [['+1', '-x', '@SUM(A1)', -3]])).toBe(
      '\uFEFFa,b,c,d\r\n"\'+1","\'-x","\'@SUM(A1)",-3',
    );
  });

  it('writes scores as the page shows them: one decimal place, empty when missing, the reason when hidden', () => {
    expect(csvScore(2.46)).toBe(2.5);
    expect(csvScore(3)).toBe(3);
    expect(csvScore(null)).toBe('');
    expect(csvScore(3, { suppressed: true, reason: 'anonymity', count: 4 })).toBe(
      'Fewer than 5 organisations – not shown',
    );
    expect(csvScore(3, { suppressed: true, reason: 'too-few', count: 2 })).toBe(
      '2 organisations: too few organisations to compare',
    );
    expect(csvScore(3, { suppressed: false, reason: null, count: 9 })).toBe(3);
  });
});
