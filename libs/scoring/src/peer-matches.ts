import type { FrameworkDomain, FrameworkElement, LevelNumber } from '@wgll/framework';
import type { MetElements } from './domain-level.js';
import { planGap } from './plans.js';

/**
 * Peer learning (issue 19): for a domain below level 5, the elements a trust has not met and, for
 * each, the other organisations (same care setting, sealed returns only — the caller's job) that
 * meet it. Organisations that opted in to be named are listed; the others are only counted.
 */

/** How near a peer is: in the same ICS, elsewhere in the same region, or elsewhere in England. */
export type PeerScope = 'ics' | 'region' | 'england';
export const PEER_SCOPES: readonly PeerScope[] = ['ics', 'region', 'england'];

/**
 * Counts of unnamed organisations below this are never shown exactly: 1 or 2 becomes "fewer than
 * 3", so a count cannot point at one organisation that chose not to be named. 0 is shown as none.
 */
export const PEER_COUNT_MINIMUM = 3;

/** A count as it may be shown: exact (0, or at least the minimum), or "fewer than `fewerThan`". */
export type ShownCount = { count: number; fewerThan: null } | { count: null; fewerThan: number };

/** Where an organisation sits on the cycle's reference date. */
export interface PeerPlace {
  organisationCode: string;
  icsCode: string | null;
  regionCode: string | null;
}

/** A peer's sealed answer to the domain (same framework version), and whether it may be named. */
export interface PeerAnswer extends PeerPlace {
  named: boolean;
  met: MetElements;
}

export interface ElementPeers {
  level: LevelNumber;
  element: FrameworkElement;
  /** Opted-in organisations meeting the element, nearest first (ICS, region, England), then by code. */
  named: { organisationCode: string; scope: PeerScope }[];
  /**
   * Organisations not named that meet it, in places that do not overlap: in the ICS, elsewhere in
   * the region (the ICS left out), elsewhere in England (the region left out), each suppressed by
   * `shownCount`. Never cumulative: the difference of two cumulative counts (England 5, region 4)
   * would give away the 1 or 2 that `shownCount` hides.
   */
  others: Record<PeerScope, ShownCount>;
}

/** A count of unnamed organisations as it may be shown (see PEER_COUNT_MINIMUM). */
export function shownCount(n: number): ShownCount {
  return n === 0 || n >= PEER_COUNT_MINIMUM
    ? { count: n, fewerThan: null }
    : { count: null, fewerThan: PEER_COUNT_MINIMUM };
}

/** The nearest scope `peer` shares with `own`. */
export function peerScope(own: PeerPlace, peer: PeerPlace): PeerScope {
  if (own.icsCode !== null && peer.icsCode === own.icsCode) return 'ics';
  if (own.regionCode !== null && peer.regionCode === own.regionCode) return 'region';
  return 'england';
}

const ORDER: Record<PeerScope, number> = { ics: 0, region: 1, england: 2 };

/**
 * For each element of the domain the trust has not met (levels above today's gated level, in level
 * then framework order), who else meets it. The trust itself is never its own peer.
 */
export function peerMatches(
  domain: FrameworkDomain,
  ownMet: MetElements,
  own: PeerPlace,
  peers: readonly PeerAnswer[],
): ElementPeers[] {
  const others = peers
    .filter((p) => p.organisationCode !== own.organisationCode)
    .map((p) => ({ ...p, scope: peerScope(own, p) }));
  return planGap(domain, ownMet, 5).map(({ level, element }) => {
    const meeting = others.filter((p) => p.met.has(element.id));
    const named = meeting
      .filter((p) => p.named)
      .sort((a, b) => ORDER[a.scope] - ORDER[b.scope] || a.organisationCode.localeCompare(b.organisationCode))
      .map((p) => ({ organisationCode: p.organisationCode, scope: p.scope }));
    const unnamed = meeting.filter((p) => !p.named);
    const inScope = (scope: PeerScope) => shownCount(unnamed.filter((p) => p.scope === scope).length);
    return {
      level,
      element,
      named,
      others: { ics: inScope('ics'), region: inScope('region'), england: inScope('england') },
    };
  });
}
