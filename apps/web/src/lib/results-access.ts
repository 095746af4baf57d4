import type { CurrentUser } from '@wgll/contracts';

import { icsResultsPath, nationalResultsPath, regionResultsPath, trustResultsPath } from './links';
import { describeScope, roleScopeTypes } from './roles';

/** A place whose results page someone may open, with the places above it (null when unknown). */
export type ResultsPlace =
  | { type: 'national' }
  | { type: 'region'; code: string }
  | { type: 'ics'; code: string; region: string | null }
  | { type: 'organisation'; code: string; ics: string | null; region: string | null };

/**
 * Whether the API would let the user see the results of a place (the access rule of the results
 * routes: `organisation:view`, `ics:view`, `region:view`, `national:view`). A national administrator
 * sees everything; a regional viewer the region's ICSs and organisations; an ICS lead the ICS and its
 * organisations; the trust roles their own trust. The API decides; this only hides links it would
 * refuse.
 */
export function mayViewResults(user: CurrentUser | null, place: ResultsPlace): boolean {
  if (!user) return false;
  return user.roles.some((grant) => {
    const code = grant.scope.code;
    switch (roleScopeTypes[grant.role]) {
      case 'national':
        return true;
      case 'region':
        return place.type !== 'national' && (place.type === 'region' ? place.code : place.region) === code;
      case 'ics':
        return (
          (place.type === 'ics' && place.code === code) ||
          (place.type === 'organisation' && place.ics === code)
        );
      case 'organisation':
        return place.type === 'organisation' && place.code === code;
    }
  });
}

export interface ResultsLink {
  to: string;
  /** The place: "England", or the scope's name and code. */
  label: string;
  scope: 'national' | 'region' | 'ics' | 'organisation';
}

const scopeOrder = { national: 0, region: 1, ics: 2, organisation: 3 } as const;

/**
 * One link for each place the user's roles cover, to its results: England's (national
 * administrator), a region's (regional viewer), an ICS's (ICS lead) or a trust's (every trust role).
 * The widest place comes first.
 */
export function resultsLinks(user: CurrentUser | null): ResultsLink[] {
  const links = new Map<string, ResultsLink>();
  for (const grant of user?.roles ?? []) {
    const code = grant.scope.code;
    const scope = roleScopeTypes[grant.role];
    if (scope === 'national') {
      links.set('national', { to: nationalResultsPath(), label: 'England', scope });
    } else if (code) {
      const to =
        scope === 'region'
          ? regionResultsPath(code)
          : scope === 'ics'
            ? icsResultsPath(code)
            : trustResultsPath(code);
      links.set(`${scope}:${code}`, { to, label: describeScope(grant.scope), scope });
    }
  }
  return [...links.values()].sort((a, b) => scopeOrder[a.scope] - scopeOrder[b.scope]);
}
