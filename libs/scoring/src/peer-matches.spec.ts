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
    // Unnamed: RAX in the ICS; RF4 and RQM elsewhere in the region; RTH elsewhere in England.
    expect(first.others).toEqual({
      ics: { count: null, fewerThan: 3 },
      region: { count: null, fewerThan: 3 },
      england: { count: null, fewerThan: 3 },
    });
    expect(result[1]!.named).toEqual([]);
    expect(result[1]!.others.england).toEqual({ count: 0, fewerThan: null });
    expect(result[5]!.others).toEqual({
      ics: { count: 0, fewerThan: null },
      region: { count: 0, fewerThan: null },
      england: { count: null, fewerThan: 3 },
    });
  });

  it('counts places that do not overlap, so no difference of two counts gives away 1 or 2', () => {
    // Four unnamed in the region (two in the ICS, two elsewhere in it) and one elsewhere in England:
    // counted cumulatively this was "England 5, region 4", giving away the one outside the region.
    const element = ids(3)[1]!;
    const peers = [
      peer('RAX', 'QKK', 'Y56', false, [element]),
      peer('RJZ', 'QKK', 'Y56', false, [element]),
      peer('RF4', 'QMF', 'Y56', false, [element]),
      peer('RQM', 'QMF', 'Y56', false, [element]),
      peer('RTH', 'QU9', 'Y59', false, [element]),
    ];
    expect(peerMatches(domain, met, own, peers)[0]!.others).toEqual({
      ics: { count: null, fewerThan: 3 },
      region: { count: null, fewerThan: 3 },
      england: { count: null, fewerThan: 3 },
    });
    const more = [
      ...peers,
      peer('RQX', 'QMF', 'Y56', false, [element]),
      peer('RVV', 'QKS', 'Y59', false, [element]),
      peer('RPA', 'QKS', 'Y59', false, [element]),
    ];
    expect(peerMatches(domain, met, own, more)[0]!.others).toEqual({
      ics: { count: null, fewerThan: 3 },
      region: { count: 3, fewerThan: null },
      england: { count: 3, fewerThan: null },
    });
  });

  it('is empty at level 5', () => {
    const all = new Set(domain.levels.flatMap((l) => l.elements.map((e) => e.id)));
    expect(peerMatches(domain, all, own, [peer('RJ2', 'QKK', 'Y56', true, [...all])])).toEqual([]);
  });

  const scopes: PeerScope[] = ['ics', 'region', 'england'];
  const unions: PeerScope[][] = [
    ['ics'],
    ['region'],
    ['england'],
    ['ics', 'region'],
    ['region', 'england'],
    ['ics', 'england'],
    ['ics', 'region', 'england'],
  ];
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
          const unnamed = meeting.filter((p) => !p.named);
          for (const scope of scopes) {
            const shown = r.others[scope];
            const actual = unnamed.filter((p) => peerScope(own, p) === scope).length;
            if (shown.count !== null) expect(shown.count).toBe(actual);
            else expect([1, 2]).toContain(actual);
          }
          // Whatever places one adds up (the ICS and the rest of the region, all England...), what
          // is shown either fixes a total of 0 or at least the minimum, or leaves it open.
          for (const union of unions) {
            const possible = new Set([0]);
            for (const scope of union) {
              const shown = r.others[scope];
              const values = shown.count !== null ? [shown.count] : [1, 2];
              const sums = [...possible].flatMap((a) => values.map((b) => a + b));
              possible.clear();
              for (const sum of sums) possible.add(sum);
            }
            const actual = unnamed.filter((p) => union.includes(peerScope(own, p))).length;
            expect(possible.has(actual)).toBe(true);
            if (possible.size === 1) expect(actual === 0 || actual >= PEER_COUNT_MINIMUM).toBe(true);
          }
        }
      }),
    );
  });
});
