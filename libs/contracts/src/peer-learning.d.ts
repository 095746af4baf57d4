import type { CareSetting } from './organisations.js';
import type { LevelNumber } from './plans.js';
import type { MeasureId, PersonRef } from './returns.js';

/**
 * Peer learning (issue 19). An organisation's trust lead chooses whether it is named to other
 * organisations for peer learning (off by default), with a contact who agreed to be contacted, a
 * short "how we did it" note per domain and which evidence titles may be shown. Peers are read from
 * sealed returns only; organisations not opted in are only counted.
 */

/** Someone other organisations may contact. */
export interface PeerContact {
  name: string;
  /** Their job, e.g. "Chief Clinical Information Officer". */
  role: string;
  email: string;
}

/** A "how we did it" note for one domain. */
export interface PeerNote {
  domainId: string;
  /** Plain text, at most 1,000 characters. */
  note: string;
}

/** GET /api/organisations/:code/sharing — the organisation's sharing setting and what it can choose from. */
export interface PeerSharing {
  organisation: { odsCode: string; name: string };
  /** Named to other organisations for peer learning. Off by default. */
  named: boolean;
  contact: PeerContact | null;
  /** The trust lead confirmed the contact agreed to be contacted by other NHS organisations. */
  contactConsent: boolean;
  notes: PeerNote[];
  /** Evidence of the organisation's sealed returns whose titles (never the files) peers may see. */
  shareableEvidenceIds: string[];
  /** 0 until first saved. */
  version: number;
  updatedAt: string | null;
  updatedBy: PersonRef | null;
  /** People with a role in the organisation, to choose the contact from. */
  team: (PersonRef & { email: string })[];
  /** The evidence of the organisation's newest sealed return per care setting. */
  evidence: { id: string; title: string; careSetting: CareSetting; cycleName: string }[];
  /** The domains of those returns, for notes, in framework order. */
  domains: { id: string; title: string; measure: MeasureId }[];
  permissions: { edit: boolean };
}

/** PUT /api/organisations/:code/sharing (trust lead); 409 SHARING_CONFLICT with `current` when stale. */
export interface SavePeerSharingRequest {
  baseVersion: number;
  named: boolean;
  /** Required when `named`. */
  contact: PeerContact | null;
  /** Must be true when `named`. */
  contactConsent: boolean;
  notes: PeerNote[];
  shareableEvidenceIds: string[];
}

/** How near a peer is to the viewing organisation: in its ICS, elsewhere in its region, elsewhere in England. */
export type PeerScope = 'ics' | 'region' | 'england';

/**
 * A count of organisations that are not named: exact when 0 or at least 3; otherwise `count` is
 * null and `fewerThan` is 3 ("fewer than 3"), so a count never points at one organisation.
 */
export type PeerCount = { count: number; fewerThan: null } | { count: null; fewerThan: number };

/** An organisation that opted in and meets the element. */
export interface NamedPeer {
  organisation: { odsCode: string; name: string };
  scope: PeerScope;
  contact: PeerContact;
  /** Its "how we did it" note for this domain, if any. */
  note: string | null;
  /** Titles of the evidence its sealed answer to this domain cites and it marked shareable. */
  evidenceTitles: string[];
}

export interface PeerElement {
  id: string;
  level: LevelNumber;
  text: string;
  /** Nearest first: the ICS, then the region, then England. */
  named: NamedPeer[];
  /**
   * Organisations meeting it that are not named, in places that do not overlap: `ics` in the
   * trust's ICS, `region` elsewhere in its region (its ICS left out), `england` elsewhere in England
   * (its region left out). Never cumulative, so no difference of two counts gives away 1 or 2.
   */
  others: Record<PeerScope, PeerCount>;
}

/** GET /api/returns/:id/peers?domain= — who meets what the trust lacks in one domain. */
export interface PeerLearning {
  returnId: string;
  organisation: { odsCode: string; name: string };
  careSetting: CareSetting;
  cycle: { id: string; name: string };
  ics: { odsCode: string; name: string } | null;
  region: { odsCode: string; name: string } | null;
  domain: { id: string; title: string; measure: MeasureId; level: LevelNumber; notApplicable: boolean };
  /** The return's domains below level 5 (not applicable ones left out), in framework order. */
  domainsBelowFive: { id: string; title: string; measure: MeasureId; level: LevelNumber }[];
  /** The elements not met above today's level, with who meets each. Empty at level 5. */
  elements: PeerElement[];
  /** How many sealed returns of the same care setting and framework were compared (the trust's own left out). */
  compared: number;
  /** Counts below this are shown as "fewer than". */
  countMinimum: number;
  permissions: { addToPlan: boolean };
}
