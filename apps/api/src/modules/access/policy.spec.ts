import { describe, expect, it } from '@jest/globals';
import type { Action, Role } from '@wgll/contracts';
import { can, type Grant, NATIONAL_ACTIONS, type Resource, scopesOf, visibleScope } from './policy.js';

const grant = (role: Role, scopeCode: string | null = null): Grant => ({
  id: `${role}-${scopeCode}`,
  role,
  scopeCode,
  grantedAt: new Date(0),
});

const RJ1: Resource = { type: 'organisation', code: 'RJ1', ics: 'QKK', region: 'Y56' };
const RC9: Resource = { type: 'organisation', code: 'RC9', ics: 'S1Y5D', region: 'Y61' };
const QKK: Resource = { type: 'ics', code: 'QKK', region: 'Y56' };
const Y56: Resource = { type: 'region', code: 'Y56' };
const NATIONAL: Resource = { type: 'national' };

describe('can', () => {
  it('lets a national administrator do everything', () => {
    const admin = [grant('national-administrator')];
    for (const action of [...NATIONAL_ACTIONS, 'organisation:view', 'return:approve'] as Action[]) {
      expect(can(admin, action, RC9)).toBe(true);
      expect(can(admin, action, NATIONAL)).toBe(true);
    }
  });

  it('keeps national actions from every other role, whatever their scope', () => {
    const others: Grant[] = [
      grant('regional-viewer', 'Y56'),
      grant('ics-lead', 'QKK'),
      grant('trust-lead', 'RJ1'),
      grant('trust-contributor', 'RJ1'),
      grant('board-approver', 'RJ1'),
    ];
    for (const action of NATIONAL_ACTIONS) {
      for (const resource of [NATIONAL, RJ1, QKK, Y56]) expect(can(others, action, resource)).toBe(false);
    }
  });

  it('scopes each role to its region, ICS or organisation', () => {
    expect(can([grant('regional-viewer', 'Y56')], 'organisation:view', RJ1)).toBe(true);
    expect(can([grant('regional-viewer', 'Y56')], 'ics:view', QKK)).toBe(true);
    expect(can([grant('regional-viewer', 'Y56')], 'region:view', Y56)).toBe(true);
    expect(can([grant('regional-viewer', 'Y56')], 'organisation:view', RC9)).toBe(false);
    expect(can([grant('ics-lead', 'QKK')], 'organisation:view', RJ1)).toBe(true);
    expect(can([grant('ics-lead', 'QKK')], 'region:view', Y56)).toBe(false);
    expect(can([grant('ics-lead', 'QKK')], 'organisation:view', RC9)).toBe(false);
    expect(can([grant('trust-lead', 'RJ1')], 'ics:view', QKK)).toBe(false);
  });

  it('gives each trust role only its own actions', () => {
    expect(can([grant('trust-lead', 'RJ1')], 'return:submit', RJ1)).toBe(true);
    expect(can([grant('trust-contributor', 'RJ1')], 'return:answer', RJ1)).toBe(true);
    expect(can([grant('trust-contributor', 'RJ1')], 'return:submit', RJ1)).toBe(false);
    expect(can([grant('board-approver', 'RJ1')], 'return:approve', RJ1)).toBe(true);
    expect(can([grant('trust-lead', 'RJ1')], 'return:approve', RJ1)).toBe(false);
    expect(can([grant('board-approver', 'RJ1')], 'return:approve', RC9)).toBe(false);
  });

  it('adds up several grants', () => {
    const both = [grant('trust-lead', 'RJ1'), grant('board-approver', 'RC9')];
    expect(can(both, 'return:approve', RC9)).toBe(true);
    expect(can(both, 'return:approve', RJ1)).toBe(false);
    expect(can([], 'organisation:view', RJ1)).toBe(false);
  });

  it('judges an organisation by where it sat on the date viewed (its resolved ICS and region)', () => {
    const before: Resource = { type: 'organisation', code: 'RC9', ics: 'QHG', region: 'Y61' };
    expect(can([grant('ics-lead', 'QHG')], 'organisation:view', before)).toBe(true);
    expect(can([grant('ics-lead', 'QHG')], 'organisation:view', RC9)).toBe(false);
    const notOpen: Resource = { type: 'organisation', code: 'K0N6A', ics: null, region: null };
    expect(can([grant('ics-lead', 'QKK')], 'organisation:view', notOpen)).toBe(false);
  });
});

describe('visibleScope', () => {
  it('is everything for an administrator and the grants’ scopes otherwise', () => {
    expect(visibleScope([grant('national-administrator')], 'organisation:view')).toEqual({ all: true });
    expect(
      visibleScope(
        [grant('ics-lead', 'QKK'), grant('trust-lead', 'RC9'), grant('trust-lead', 'RC9')],
        'organisation:view',
      ),
    ).toEqual({ all: false, regions: [], ics: ['QKK'], organisations: ['RC9'] });
    expect(visibleScope([grant('ics-lead', 'QKK')], 'return:approve')).toEqual({
      all: false,
      regions: [],
      ics: [],
      organisations: [],
    });
    expect(visibleScope([grant('regional-viewer', 'Y56')], 'user:manage')).toMatchObject({
      all: false,
      regions: [],
    });
  });
});

describe('scopesOf', () => {
  it('gives the scopes held with any of the roles, each once, in the order held', () => {
    const grants = [
      grant('trust-lead', 'RTQ'),
      grant('board-approver', 'RTE'),
      grant('trust-contributor', 'RJ1'),
      grant('board-approver', 'RTQ'),
      grant('national-administrator'),
    ];
    expect(scopesOf(grants, ['board-approver', 'trust-lead'])).toEqual(['RTQ', 'RTE']);
    expect(scopesOf(grants, ['trust-contributor'])).toEqual(['RJ1']);
    expect(scopesOf(grants, ['ics-lead'])).toEqual([]);
    expect(scopesOf(grants, ['national-administrator'])).toEqual([]);
  });
});
