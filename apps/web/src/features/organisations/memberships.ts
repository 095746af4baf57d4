import type { MembershipBasis, OrganisationMembership } from '@wgll/contracts';

import { FIRST_DAY_AFTER_MERGERS, isWithin, LAST_DAY_BEFORE_MERGERS } from '../../lib/dates';

/** The membership of one basis in force on a date, if any. */
export function membershipOn(
  memberships: OrganisationMembership[],
  basis: MembershipBasis,
  date: string,
): OrganisationMembership | undefined {
  return memberships.find(
    (membership) => membership.basis === basis && isWithin(date, membership.validFrom, membership.validTo),
  );
}

export interface MergerComparison {
  /** The assessment ICS on 31 March 2026, the last day of the 42 ICBs. */
  before: OrganisationMembership | undefined;
  /** The assessment ICS on 1 April 2026, the first day of the 36 ICBs. */
  after: OrganisationMembership | undefined;
  /** Whether the organisation was counted in a different ICB afterwards. */
  changed: boolean;
}

export function compareAcrossMergers(memberships: OrganisationMembership[]): MergerComparison {
  const before = membershipOn(memberships, 'assessment', LAST_DAY_BEFORE_MERGERS);
  const after = membershipOn(memberships, 'assessment', FIRST_DAY_AFTER_MERGERS);
  return { before, after, changed: before?.ics.odsCode !== after?.ics.odsCode };
}
