import { describe, expect, it } from '@jest/globals';
import { isValidOn } from '../../modules/organisations/dated-period.js';
import { buildHierarchy, type Hierarchy, type ReferenceFileTexts } from './hierarchy-builder.js';
import { readReferenceFiles } from './reference-seeder.js';

const files = readReferenceFiles();
const h = buildHierarchy(files);

const membershipsOf = (hierarchy: Hierarchy, code: string, basis: 'assessment' | 'headquarters') =>
  hierarchy.memberships
    .filter((m) => m.organisationCode === code && m.basis === basis)
    .map(({ icsCode, validFrom, validTo }) => ({ icsCode, validFrom, validTo }));

describe('buildHierarchy from the shipped reference data', () => {
  it('has 7 regions, 42 ICBs before the mergers and 36 after', () => {
    expect(h.regions).toHaveLength(7);
    expect(h.icss.filter((i) => isValidOn(i, '2025-06-30'))).toHaveLength(42);
    expect(h.icss.filter((i) => isValidOn(i, '2026-06-30'))).toHaveLength(36);
    expect(h.icss).toHaveLength(48); // 30 ICBs continued with the same code
  });

  it('gives every ICB exactly one region on any date it exists', () => {
    for (const at of ['2022-07-01', '2026-03-31', '2026-04-01']) {
      for (const ics of h.icss.filter((i) => isValidOn(i, at))) {
        expect(h.icsRegions.filter((m) => m.icsCode === ics.odsCode && isValidOn(m, at))).toHaveLength(1);
      }
    }
  });

  it('has 205 trusts, each with one assessment ICS on 30 June 2025', () => {
    expect(h.organisations).toHaveLength(205);
    for (const org of h.organisations) {
      expect(
        h.memberships.filter(
          (m) => m.organisationCode === org.odsCode && m.basis === 'assessment' && isValidOn(m, '2025-06-30'),
        ),
      ).toHaveLength(1);
    }
  });

  it('keeps one open-ended membership where the ICB continued through the mergers (RJ1 in QKK)', () => {
    expect(membershipsOf(h, 'RJ1', 'assessment')).toEqual([
      { icsCode: 'QKK', validFrom: '2022-07-01', validTo: null },
    ]);
  });

  it("moves a merged ICB's trust to the successor on 1 April 2026", () => {
    expect(membershipsOf(h, 'G6V2S', 'assessment')).toEqual([
      // North London NHS FT opened on 1 November 2024
      { icsCode: 'QMJ', validFrom: '2024-11-01', validTo: '2026-03-31' },
      { icsCode: 'Z9B2Z', validFrom: '2026-04-01', validTo: null },
    ]);
  });

  it("keeps the DMA's ICS and the headquarters ICB where they differ", () => {
    expect(membershipsOf(h, 'RRU', 'assessment')[0]?.icsCode).toBe('QRV');
    expect(membershipsOf(h, 'RRU', 'headquarters')[0]?.icsCode).toBe('QKK');
    const differing = h.organisations.filter((o) => {
      const a = membershipsOf(h, o.odsCode, 'assessment').find((m) => isValidOn(m, '2025-06-30'));
      const q = membershipsOf(h, o.odsCode, 'headquarters').find((m) => isValidOn(m, '2025-06-30'));
      return a?.icsCode !== q?.icsCode;
    });
    expect(differing).toHaveLength(11);
  });

  it("falls back to the 2026 headquarters ICB when the DMA's ICS was split (RYC, QJG)", () => {
    expect(membershipsOf(h, 'RYC', 'assessment')).toEqual([
      { icsCode: 'QJG', validFrom: '2022-07-01', validTo: '2026-03-31' },
      { icsCode: 'S1Y5D', validFrom: '2026-04-01', validTo: null },
    ]);
  });

  it('ends memberships on the last day of a trust that closed', () => {
    expect(h.organisations.find((o) => o.odsCode === 'RNK')?.closedOn).toBe('2026-03-31');
    expect(membershipsOf(h, 'RNK', 'assessment')).toEqual([
      { icsCode: 'QMJ', validFrom: '2022-07-01', validTo: '2026-03-31' },
    ]);
    expect(membershipsOf(h, 'RVJ', 'assessment')).toEqual([
      { icsCode: 'QUY', validFrom: '2022-07-01', validTo: '2026-06-30' },
    ]);
  });

  it('records renames with the previous name', () => {
    const rws = h.organisations.find((o) => o.odsCode === 'RWW');
    expect(rws?.name).toBe('NORTH CHESHIRE AND MERSEY NHS FOUNDATION TRUST');
    expect(rws?.previousNames).toEqual(['WARRINGTON AND HALTON TEACHING HOSPITALS NHS FOUNDATION TRUST']);
    expect(h.changes).toHaveLength(19);
  });

  it('reads the parts of ICBs that passed to a successor', () => {
    expect(h.successions).toContainEqual({
      predecessorCode: 'QM7',
      successorCode: 'D7T5G',
      part: 'West Essex part',
      effectiveOn: '2026-04-01',
    });
  });

  it('maps trust types and DMA care settings to the contract values', () => {
    const rj1 = h.organisations.find((o) => o.odsCode === 'RJ1');
    expect(rj1).toMatchObject({ type: 'acute', careSettings: ['acute'] });
    const tad = h.organisations.find((o) => o.odsCode === 'TAD');
    expect(tad).toMatchObject({ type: 'mental-health-ld', careSettings: ['community', 'mental-health'] });
  });
});

describe('buildHierarchy on bad data', () => {
  it('lists every problem at once', () => {
    const broken: ReferenceFileTexts = {
      ...files,
      trusts: files.trusts
        .replace(/^RJ1,(.*?),acute,/m, 'RJ1,$1,hospital,')
        .replace(/,QKK,(NHS South East London[^,]*),E54000030,QKK,/, ',QZZ,$1,E54000030,QZZ,'),
    };
    expect(() => buildHierarchy(broken)).toThrow(
      /unknown type "hospital"[\s\S]*unknown headquarters ICB QZZ/,
    );
  });
});
