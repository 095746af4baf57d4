import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { syntheticDomain } from '@wgll/framework/testing';
import {
  PEER_COUNT_MINIMUM,
  type PeerAnswer,
  peerMatches,
  peerScope,
  type PeerScope,
  shownCount,
} from './peer-matches.js';

const domain = syntheticDomain('d', 'well-led', [2, 3, 3, 2]);
const ids = (level: number) => domain.levels[level - 1]!.elements.map((e) => e.id);
const own = { organisationCode: 'RJ1', icsCode: 'QKK', regionCode: 'Y56' };

function peer(
  code: string,
  ics: string | null,
  region: string | null,
  named: boolean,
  met: string[],
): PeerAnswer {
  return { organisationCode: code, icsCode: ics, regionCode: region, named, met: new Set(met) };
}

describe('shownCount', () => {
  it('shows 0 and counts from the minimum exactly, and 1 or 2 as "fewer than 3"', () => {
    expect(shownCount(0)).toEqual({ count: 0, fewerThan: null });
    expect(shownCount(1)).toEqual({ count: null, fewerThan: 3 });
    expect(shownCount(2)).toEqual({ count: null, fewerThan: 3 });
    expect(shownCount(3)).toEqual({ count: 3, fewerThan: null });
    expect(shownCount(40)).toEqual({ count: 40, fewerThan: null });
  });
});

describe('peerScope', () => {
  it('is the nearest shared place', () => {
    expect(peerScope(own, { organisationCode: 'A', icsCode: 'QKK', regionCode: 'Y56' })).toBe('ics');
    expect(peerScope(own, { organisationCode: 'A', icsCode: 'QMF', regionCode: 'Y56' })).toBe('region');
    expect(peerScope(own, { organisationCode: 'A', icsCode: 'QWE', regionCode: 'Y59' })).toBe('england');
    expect(peerScope({ ...own, icsCode: null, regionCode: null }, own)).toBe('england');
  });
});

describe('peerMatches', () => {
  const met = new Set([...ids(2), ids(3)[0]!]);

  it('lists the unmet elements above today with the named peers nearest first and the others counted', () => {
    const peers = [
      peer('RJ1', 'QKK', 'Y56', true, [...ids(3)]), // the trust itself: never its own peer
      peer('RYJ', 'QMF', 'Y56', true, [ids(3)[1]!]),
      peer('RJ2', 'QKK', 'Y56', true, [ids(3)[1]!]),
      peer('RAX', 'QKK', 'Y56', false, [ids(3)[1]!]),
      peer('RF4', 'QMF', 'Y56', false, [ids(3)[1]!]),
      peer('RQM', 'QMF', 'Y56', false, [ids(3)[1]!]),
      peer('RTH', 'QU9', 'Y59', false, [ids(3)[1]!, ids(5)[0]!]),
    ];
    const result = peerMatches(domain, met, own, peers);
    expect(result.map((r) => [r.element.id, r.level])).toEqual([
      ['d-l3-e2', 3],
      ['d-l3-e3', 3],
      ['d-l4-e1', 4],
      ['d-l4-e2', 4],
      ['d-l4-e3', 4],
      ['d-l5-e1', 5],
      ['d-l5-e2', 5],
    ]);
    const first = result[0]!;
    expect(first.named).toEqual([
      { organisationCode: 'RJ2', scope: 'ics' },
      { organisationCode: 'RYJ', scope: 'region' },
    ]);
    expect(first.others).toEqual({
      ics: { count: null, fewerThan: 3 },
      region: { count: 3, fewerThan: null },
      england: { count: 4, fewerThan: null },
    });
    expect(result[1]!.named).toEqual([]);
    expect(result[1]!.others.england).toEqual({ count: 0, fewerThan: null });
    expect(result[5]!.others).toEqual({
      ics: { count: 0, fewerThan: null },
      region: { count: 0, fewerThan: null },
      england: { count: null, fewerThan: 3 },
    });
  });

  it('is empty at level 5', () => {
    const all = new Set(domain.levels.flatMap((l) => l.elements.map((e) => e.id)));
    expect(peerMatches(domain, all, own, [peer('RJ2', 'QKK', 'Y56', true, [...all])])).toEqual([]);
  });

  const scopes: PeerScope[] = ['ics', 'region', 'england'];
  const place = fc.constantFrom(
    { icsCode: 'QKK', regionCode: 'Y56' },
    { icsCode: 'QMF', regionCode: 'Y56' },
    { icsCode: 'QWE', regionCode: 'Y59' },
    { icsCode: null, regionCode: null },
  );
  const allIds = domain.levels.flatMap((l) => l.elements.map((e) => e.id));
  const peersArb = fc.uniqueArray(
    fc.record({
      organisationCode: fc.constantFrom('RJ1', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'),
      place,
      named: fc.boolean(),
      met: fc.subarray(allIds),
    }),
    { selector: (p) => p.organisationCode, maxLength: 10 },
  );

  it('never shows a count of 1 or 2, never names the trust or an organisation that did not opt in, and accounts for every peer meeting the element', () => {
    fc.assert(
      fc.property(fc.subarray(allIds), peersArb, (ownIds, raw) => {
        const peers = raw.map((p) => ({
          organisationCode: p.organisationCode,
          ...p.place,
          named: p.named,
          met: new Set(p.met),
        }));
        const result = peerMatches(domain, new Set(ownIds), own, peers);
        for (const r of result) {
          expect(ownIds).not.toContain(r.element.id);
          const namedCodes = r.named.map((n) => n.organisationCode);
          expect(namedCodes).not.toContain('RJ1');
          for (const code of namedCodes)
            expect(peers.find((p) => p.organisationCode === code)!.named).toBe(true);
          const meeting = peers.filter((p) => p.organisationCode !== 'RJ1' && p.met.has(r.element.id));
          expect(namedCodes.length).toBe(meeting.filter((p) => p.named).length);
          const england = r.others.england;
          const unnamed = meeting.filter((p) => !p.named).length;
          if (england.count !== null) expect(england.count).toBe(unnamed);
          else expect(unnamed).toBeGreaterThan(0);
          let previous = -1;
          for (const scope of scopes) {
            const shown = r.others[scope];
            if (shown.count !== null) {
              expect(shown.count === 0 || shown.count >= PEER_COUNT_MINIMUM).toBe(true);
              expect(shown.count).toBeGreaterThanOrEqual(previous);
              previous = shown.count;
            }
          }
        }
      }),
    );
  });
});
