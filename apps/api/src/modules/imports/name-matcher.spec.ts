import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Candidate, matchNames, normaliseName } from './name-matcher.js';

const trusts = parse<Record<string, string>>(
  readFileSync(resolve(import.meta.dirname, '../../../data/reference/nhs_trusts_england.csv')),
  { columns: true },
);
const organisations: Candidate[] = trusts.map((t) => ({
  odsCode: t['trust_ods_code']!,
  name: t['trust_name']!,
  previousNames: [],
  icsCode: t['icb_ods_code_dma_2025']!,
}));
const ics: Candidate[] = [
  { odsCode: 'QKK', name: 'NHS South East London Integrated Care Board', previousNames: [], icsCode: 'QKK' },
  {
    odsCode: 'QOX',
    name: 'NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board',
    previousNames: [],
    icsCode: 'QOX',
  },
];
const BSW = 'NHS BATH AND NORTH EAST SOMERSET, SWINDON AND WILTSHIRE INTEGRATED CARE BOARD';

const one = (publishedName: string, publishedIcs: string | null = BSW) =>
  matchNames(
    [
      { kind: 'ics', publishedName: BSW, publishedIcs: null, rows: 1 },
      { kind: 'organisation', publishedName, publishedIcs, rows: 1 },
    ],
    { organisations, ics },
    new Map(),
  ).find((m) => m.kind === 'organisation')!;

describe('normaliseName', () => {
  it('ignores case, "&", apostrophes, punctuation and "National Health Service" spelled out', () => {
    expect(normaliseName("Guy's & St Thomas' NHS Foundation Trust")).toBe(
      'GUYS AND ST THOMAS NHS FOUNDATION TRUST',
    );
    expect(normaliseName('PORTSMOUTH HOSPITALS UNIVERSITY NATIONAL HEALTH SERVICE TRUST')).toBe(
      'PORTSMOUTH HOSPITALS UNIVERSITY NHS TRUST',
    );
  });
});

describe('matchNames', () => {
  it('matches a name as ODS writes it, and an ICS first so the organisation is checked against it', () => {
    expect(one('SALISBURY NHS FOUNDATION TRUST')).toMatchObject({
      status: 'matched',
      match: { odsCode: 'RNZ', method: 'name' },
    });
  });

  it('suggests the right organisation for an abbreviation and for a misspelling', () => {
    for (const name of ['SALISBURY HOSPITALS NHS FT', 'SALISBRY NHS FOUNDATION TRUST']) {
      const match = one(name);
      expect(match.status).toBe('unmatched');
      expect(match.suggestions[0]?.odsCode).toBe('RNZ');
    }
  });

  it('doubts a match whose ICS in the hierarchy is not the one the file names', () => {
    const match = one("GUY'S AND ST THOMAS' NHS FOUNDATION TRUST");
    expect(match).toMatchObject({ status: 'doubtful', match: { odsCode: 'RJ1' } });
    expect(match.reason).toBe(
      "In this cycle's hierarchy GUY'S AND ST THOMAS' NHS FOUNDATION TRUST is in QKK, but the file places it in QOX. Its results will be compared in QKK.",
    );
  });

  it('uses a confirmed alias before names, and matches a previous name', () => {
    const aliased = matchNames(
      [{ kind: 'organisation', publishedName: 'Salisbury FT', publishedIcs: null, rows: 2 }],
      { organisations, ics },
      new Map([['organisation:SALISBURY FT', 'RNZ']]),
    )[0]!;
    expect(aliased).toMatchObject({
      status: 'matched',
      rows: 2,
      match: { odsCode: 'RNZ', method: 'confirmed-before' },
    });
    const renamed = matchNames(
      [{ kind: 'organisation', publishedName: 'OLD NAME TRUST', publishedIcs: null, rows: 1 }],
      {
        organisations: [
          { odsCode: 'R1', name: 'NEW NAME TRUST', previousNames: ['Old Name Trust'], icsCode: null },
        ],
        ics,
      },
      new Map(),
    )[0]!;
    expect(renamed.match).toEqual({ odsCode: 'R1', name: 'NEW NAME TRUST', method: 'previous-name' });
  });

  it('doubts a name two organisations share, offering both', () => {
    const twins = matchNames(
      [{ kind: 'organisation', publishedName: 'SAME TRUST', publishedIcs: null, rows: 1 }],
      {
        organisations: [
          { odsCode: 'R1', name: 'SAME TRUST', previousNames: [], icsCode: null },
          { odsCode: 'R2', name: 'OTHER TRUST', previousNames: ['Same Trust'], icsCode: null },
        ],
        ics,
      },
      new Map(),
    )[0]!;
    expect(twins).toMatchObject({ status: 'doubtful', match: null });
    expect(twins.suggestions.map((s) => s.odsCode)).toEqual(['R1', 'R2']);
  });
});
