import type { IsoDate, Page } from './common.js';

export type TrustType = 'acute' | 'acute-specialist' | 'mental-health-ld' | 'community' | 'ambulance';

/** The DMA care settings; an integrated trust runs several and files one return for each. */
export type CareSetting = 'acute' | 'community' | 'mental-health' | 'ambulance';

/**
 * Why an organisation belongs to an ICS. `assessment` is the ICS the national DMA assesses it in
 * (the one used for comparisons); `headquarters` is the ODS headquarters ICB. They differ for 11
 * trusts (ambulance and multi-ICS trusts).
 */
export type MembershipBasis = 'assessment' | 'headquarters';

/** Whether an organisation or ICS existed on the date asked about. */
export type OperatingStatus = 'open' | 'closed' | 'not-yet-open';

export interface RegionSummary {
  odsCode: string;
  name: string;
  onsCode: string;
}

export interface IcsSummary {
  /** The ICB's ODS code, e.g. QKK. */
  odsCode: string;
  name: string;
  onsCode: string | null;
  validFrom: IsoDate;
  /** Null while the ICB still exists. */
  validTo: IsoDate | null;
}

export interface OrganisationSummary {
  odsCode: string;
  /** The current name (renames in the source data carry no exact date). */
  name: string;
  type: TrustType;
  careSettings: CareSetting[];
  status: OperatingStatus;
  /** Assessment ICS on the date asked about; null when the organisation was not open. */
  ics: IcsSummary | null;
  region: RegionSummary | null;
}

export interface OrganisationListQuery {
  /** Part of a name or an ODS code, case-insensitive. */
  q?: string;
  region?: string;
  ics?: string;
  type?: TrustType;
  /** Defaults to today. */
  at?: IsoDate;
  /** Include organisations closed (or not yet open) on `at`. Default false. */
  includeClosed?: boolean;
  page?: number;
  /** 1–100, default 20. */
  pageSize?: number;
}

export interface OrganisationList extends Page<OrganisationSummary> {
  at: IsoDate;
}

export interface OrganisationMembership {
  basis: MembershipBasis;
  ics: IcsSummary;
  /** The ICS's region during this period. */
  region: RegionSummary | null;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export type OrganisationChangeKind = 'renamed' | 'opened' | 'closed';

export interface OrganisationChange {
  kind: OrganisationChangeKind;
  /** Null where the source gives no exact date (renames seen between two ODS snapshots). */
  date: IsoDate | null;
  description: string;
  source: string;
}

export interface OrganisationDetail extends OrganisationSummary {
  at: IsoDate;
  /** NHS Staff Survey benchmarking group, as published. */
  typeGroup: string | null;
  hqPostcode: string | null;
  openedOn: IsoDate | null;
  closedOn: IsoDate | null;
  /** Previous names, most recent first. */
  previousNames: string[];
  /** Headquarters ICB on the date asked about (differs from `ics` for 11 trusts). */
  headquartersIcs: IcsSummary | null;
  /** Every dated membership, both bases, oldest first. */
  memberships: OrganisationMembership[];
  changes: OrganisationChange[];
}

export interface IcsLink {
  odsCode: string;
  name: string;
  /** E.g. "Hertfordshire part" when only part of an ICB passed to the successor. */
  part: string | null;
}

export interface IcsListItem extends IcsSummary {
  status: OperatingStatus;
  region: RegionSummary | null;
  /** Organisations assessed in this ICS on the date asked about. */
  members: Array<Pick<OrganisationSummary, 'odsCode' | 'name' | 'type'>>;
}

export interface IcsListQuery {
  at?: IsoDate;
  region?: string;
}

export interface IcsList {
  at: IsoDate;
  items: IcsListItem[];
}

export interface IcsDetail extends IcsSummary {
  at: IsoDate;
  status: OperatingStatus;
  region: RegionSummary | null;
  /** ICBs this one replaced (1 April 2026 mergers). */
  predecessors: IcsLink[];
  /** ICBs that replaced this one. */
  successors: IcsLink[];
  /** Organisations assessed in this ICS on `at`, with their care settings. */
  organisations: OrganisationSummary[];
}

export interface RegionDetail extends RegionSummary {
  at: IsoDate;
  /** ICSs in the region on `at`, with their members. */
  systems: IcsListItem[];
}
