import { describe, expect, it } from '@jest/globals';
import type { ParsedWorkbook } from './dma-workbook.js';
import {
  type Candidates,
  confirmMatches,
  inReviewOrder,
  markConflicts,
  namesToMatch,
  primaryCareRows,
  publishedRows,
} from './import-matching.js';
import { aliasKey, type NameMatch } from './name-matcher.js';

const base = { sheet: 'S', row: 1, region: 'LONDON' };
const SEL = 'NHS SOUTH EAST LONDON INTEGRATED CARE BOARD';
const NCL = 'NHS NORTH CENTRAL LONDON INTEGRATED CARE BOARD';

/** Two acute providers in South East London (one also in the comparable table) and its ICB. */
const WORKBOOK: ParsedWorkbook = {
  title: 'DMA 2025',
  publicationDate: null,
  comparableYears: { current: 2025, previous: 2024 },
  sheets: [],
  providers: [
    { ...base, ics: SEL, provider: "GUY'S", careSetting: 'acute', measures: { 'well-led': 2 } },
    { ...base, ics: SEL, provider: "KING'S", careSetting: 'acute', measures: { 'well-led': 3 } },
  ],
  icbs: [{ ...base, ics: SEL, measures: { 'well-led': 2.5 } }],
  providerComparable: [
    { ...base, ics: SEL, provider: "GUY'S", careSetting: 'acute', current: 2.5, previous: 2 },
  ],
  icbComparable: [],
};

function name(kind: 'organisation' | 'ics', publishedName: string, odsCode: string | null): NameMatch {
  return {
    key: aliasKey(kind, publishedName),
    kind,
    publishedName,
    publishedIcs: kind === 'organisation' ? SEL : null,
    rows: 1,
    status: odsCode ? 'matched' : 'unmatched',
    reason: null,
    match: odsCode ? { odsCode, name: odsCode, method: 'name' } : null,
    suggestions: [],
  };
}

const CANDIDATES: Candidates = {
  organisations: [
    { odsCode: 'RJ1', name: "GUY'S AND ST THOMAS'", previousNames: [], icsCode: 'QKK' },
    { odsCode: 'RJZ', name: "KING'S COLLEGE", previousNames: [], icsCode: 'QKK' },
    { odsCode: 'RXX', name: 'NOWHERE', previousNames: [], icsCode: null },
  ],
  ics: [{ odsCode: 'QKK', name: SEL, previousNames: [], icsCode: 'QKK' }],
};

describe('namesToMatch', () => {
  it('lists each name once, with how many rows use it', () => {
    const names = namesToMatch(WORKBOOK);
    expect(names).toContainEqual({
      kind: 'organisation',
      publishedName: "GUY'S",
      publishedIcs: SEL,
      rows: 2,
    });
    expect(names).toContainEqual({
      kind: 'organisation',
      publishedName: "KING'S",
      publishedIcs: SEL,
      rows: 1,
    });
    expect(names).toContainEqual({ kind: 'ics', publishedName: SEL, publishedIcs: null, rows: 4 });
    expect(names).toHaveLength(3);
  });
});

describe('markConflicts and inReviewOrder', () => {
  it('makes two names matched to one organisation in the same rows doubtful, and lists them first', () => {
    const names = [
      name('ics', SEL, 'QKK'),
      name('organisation', "GUY'S", 'RJ1'),
      name('organisation', "KING'S", 'RJ1'),
    ];
    const marked = inReviewOrder(markConflicts(WORKBOOK, names));
    expect(marked.map((n) => [n.publishedName, n.status])).toEqual([
      ["KING'S", 'doubtful'],
      ["GUY'S", 'matched'],
      [SEL, 'matched'],
    ]);
    expect(marked[0]!.reason).toBe("RJ1 is also the match for GUY'S in the same rows.");
  });
});

describe('confirmMatches', () => {
  const current = [
    name('ics', SEL, 'QKK'),
    name('organisation', "GUY'S", 'RJ1'),
    name('organisation', "KING'S", null),
  ];

  it('matches a name to an organisation operating in an ICS on the date', () => {
    const { names, errors } = confirmMatches(
      WORKBOOK,
      current,
      [{ kind: 'organisation', publishedName: "king's", odsCode: ' rjz ' }],
      CANDIDATES,
      '1 April 2025',
    );
    expect(errors).toEqual([]);
    expect(names.find((n) => n.publishedName === "KING'S")).toMatchObject({
      status: 'matched',
      match: { odsCode: 'RJZ', method: 'confirmed' },
    });
    // The import's own names are not changed in place.
    expect(current[2]!.status).toBe('unmatched');
  });

  it('says what is wrong beside each match, and changes nothing', () => {
    const { errors } = confirmMatches(
      WORKBOOK,
      current,
      [
        { kind: 'organisation', publishedName: 'NOT IN FILE', odsCode: 'RJZ' },
        { kind: 'organisation', publishedName: "KING'S", odsCode: 'R00' },
        { kind: 'organisation', publishedName: "KING'S", odsCode: 'RJZ' },
      ],
      CANDIDATES,
      '1 April 2025',
    );
    expect(errors).toEqual([
      { field: 'matches[0].publishedName', messages: ['"NOT IN FILE" is not a name in this file'] },
      {
        field: 'matches[1].odsCode',
        messages: ["There is no organisation R00 operating on 1 April 2025, the cycle's reference date"],
      },
      { field: 'matches[2].publishedName', messages: [`"KING'S" is matched more than once`] },
    ]);
    const outside = confirmMatches(
      WORKBOOK,
      current,
      [{ kind: 'organisation', publishedName: "KING'S", odsCode: 'RXX' }],
      CANDIDATES,
      '1 April 2025',
    );
    expect(outside.errors).toEqual([
      {
        field: 'matches[0].odsCode',
        messages: ['RXX was in no ICS on 1 April 2025, so its results could not be compared'],
      },
    ]);
  });

  it('refuses a match that puts two names on one organisation in the same rows', () => {
    const { errors } = confirmMatches(
      WORKBOOK,
      current,
      [{ kind: 'organisation', publishedName: "KING'S", odsCode: 'RJ1' }],
      CANDIDATES,
      '1 April 2025',
    );
    expect(errors).toEqual([
      { field: 'matches[0].odsCode', messages: ["RJ1 is already the match for GUY'S in the same rows"] },
    ]);
  });
});

describe('publishedRows', () => {
  it('stores organisations in the ICS the hierarchy places them in, with their comparable overall', () => {
    const names = [
      name('ics', SEL, 'QKK'),
      name('organisation', "GUY'S", 'RJ1'),
      name('organisation', "KING'S", 'RJZ'),
    ];
    const rows = publishedRows(WORKBOOK, names, new Map([['RJ1', 'QKK']]));
    expect(rows).toEqual([
      {
        level: 'organisation',
        organisationCode: 'RJ1',
        icsCode: 'QKK',
        careSetting: 'acute',
        measures: { 'well-led': 2 },
        comparableOverall: 2.5,
        previousComparableOverall: 2,
      },
      // RJZ was in no ICS on the date: left out.
      {
        level: 'system',
        organisationCode: null,
        icsCode: 'QKK',
        careSetting: null,
        measures: { 'well-led': 2.5 },
        comparableOverall: null,
        previousComparableOverall: null,
      },
    ]);
  });
});

describe('primary care rows', () => {
  const withPrimaryCare: ParsedWorkbook = {
    ...WORKBOOK,
    primaryCare: [
      { ...base, ics: SEL, measures: { 'well-led': 5, 'support-people': 2 } },
      { ...base, row: 2, ics: NCL, measures: { 'well-led': 4 } },
    ],
  };

  it('are matched by the ICB names, stored under the ICB’s code', () => {
    expect(namesToMatch(withPrimaryCare)).toContainEqual({
      kind: 'ics',
      publishedName: NCL,
      publishedIcs: null,
      rows: 1,
    });
    const names = [name('ics', SEL, 'QKK'), name('ics', NCL, 'QMJ')];
    expect(primaryCareRows(withPrimaryCare, names)).toEqual([
      { icsCode: 'QKK', measures: { 'well-led': 5, 'support-people': 2 } },
      { icsCode: 'QMJ', measures: { 'well-led': 4 } },
    ]);
    // An import read before the sheet was read has none.
    expect(primaryCareRows(WORKBOOK, names)).toEqual([]);
  });

  it('make two ICB names matched to one ICB doubtful', () => {
    const names = [name('ics', SEL, 'QKK'), name('ics', NCL, 'QKK')];
    const marked = markConflicts(withPrimaryCare, names);
    expect(marked.find((n) => n.publishedName === NCL)).toMatchObject({
      status: 'doubtful',
      reason: `QKK is also the match for ${SEL} in the same rows.`,
    });
  });
});
