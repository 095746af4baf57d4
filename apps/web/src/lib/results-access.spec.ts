import { describe, expect, it } from '@jest/globals';
import type { CurrentUser, Role } from '@wgll/contracts';

import { mayViewResults, resultsLinks, type ResultsPlace } from './results-access';
import { roleScopeTypes } from './roles';

const scopeCodes: Record<string, string | null> = {
  national: null,
  region: 'Y56',
  ics: 'QKK',
  organisation: 'RJ1',
};

function userWith(...grants: Array<{ role: Role; code: string | null }>): CurrentUser {
  const user: CurrentUser = {
    id: 'u',
    email: 'someone@example.test',
    displayName: 'Someone',
    signedInWith: 'password',
    capabilities: {
      manageUsers: false,
      manageFrameworks: false,
      readAudit: false,
      manageCycles: false,
      manageImports: false,
      manageTargets: false,
      viewNational: false,
    },
    roles: grants.map(({ role, code }, index) => ({
      id: `g${index}`,
      role,
      scope: { type: roleScopeTypes[role], code, name: null },
      grantedAt: '2026-01-01T00:00:00Z',
    })),
  };
  return user;
}

/** Places inside and outside the scopes above. */
const places: ResultsPlace[] = [
  { type: 'national' },
  { type: 'region', code: 'Y56' },
  { type: 'region', code: 'Y58' },
  { type: 'ics', code: 'QKK', region: 'Y56' },
  { type: 'ics', code: 'QMF', region: 'Y56' },
  { type: 'ics', code: 'QSL', region: 'Y58' },
  { type: 'organisation', code: 'RJ1', ics: 'QKK', region: 'Y56' },
  { type: 'organisation', code: 'RJZ', ics: 'QKK', region: 'Y56' },
  { type: 'organisation', code: 'RQX', ics: 'QMF', region: 'Y56' },
  { type: 'organisation', code: 'RA7', ics: 'QSL', region: 'Y58' },
];

/**
 * Which of the places above each role may see the results of, by the API's access rule
 * (apps/api/src/modules/access/policy.ts): its own scope and everything inside it.
 */
const visible: Record<Role, string[]> = {
  'national-administrator': ['national', 'Y56', 'Y58', 'QKK', 'QMF', 'QSL', 'RJ1', 'RJZ', 'RQX', 'RA7'],
  'regional-viewer': ['Y56', 'QKK', 'QMF', 'RJ1', 'RJZ', 'RQX'],
  'ics-lead': ['QKK', 'RJ1', 'RJZ'],
  'trust-lead': ['RJ1'],
  'trust-contributor': ['RJ1'],
  'board-approver': ['RJ1'],
};

describe('mayViewResults', () => {
  it.each(Object.keys(roleScopeTypes) as Role[])('follows the API’s access rule for a %s', (role) => {
    const user = userWith({ role, code: scopeCodes[roleScopeTypes[role]] ?? null });
    const seen = places
      .filter((place) => mayViewResults(user, place))
      .map((place) => (place.type === 'national' ? 'national' : place.code));
    expect(seen).toEqual(visible[role]);
  });

  it('shows nothing to someone signed out', () => {
    expect(places.some((place) => mayViewResults(null, place))).toBe(false);
  });
});

describe('resultsLinks', () => {
  it('gives each place a role covers once, the widest first', () => {
    const user = userWith(
      { role: 'trust-lead', code: 'RJ1' },
      { role: 'board-approver', code: 'RJ1' },
      { role: 'ics-lead', code: 'QKK' },
    );
    expect(resultsLinks(user).map((link) => link.to)).toEqual([
      '/ics/QKK/results',
      '/organisations/RJ1/results',
    ]);
    expect(resultsLinks(userWith({ role: 'national-administrator', code: null }))).toEqual([
      { to: '/national/results', label: 'England', scope: 'national' },
    ]);
    expect(resultsLinks(null)).toEqual([]);
  });
});
