import { describe, expect, it } from '@jest/globals';
import type { Role } from '@wgll/contracts';
import type { HierarchyLookup } from './hierarchy-lookup.js';
import type { Grant } from './policy.js';
import { type Located, PolicyService } from './policy.service.js';

const grant = (role: Role, scopeCode: string | null = null): Grant => ({
  id: `${role}-${scopeCode}`,
  role,
  scopeCode,
  grantedAt: new Date(0),
});

/** RJ1 and RJ2 in QKK, London; RTE in QR1, the South West. Counts how often each is placed. */
function policyWith(returns: Record<string, Located>) {
  const placed: string[] = [];
  const hierarchy: HierarchyLookup = {
    placeOrganisation: (code, at) => {
      placed.push(`${code}@${at}`);
      const ics = { RJ1: 'QKK', RJ2: 'QKK', RTE: 'QR1' }[code];
      return Promise.resolve(ics ? { ics, region: ics === 'QKK' ? 'Y56' : 'Y58' } : undefined);
    },
    placeIcs: (code, at) => {
      placed.push(`${code}@${at}`);
      return Promise.resolve(code === 'QKK' ? { region: 'Y56' } : undefined);
    },
    regionExists: () => Promise.resolve(true),
  };
  const policy = new PolicyService(hierarchy);
  policy.registerLocator('return', (id) => Promise.resolve(returns[id] ?? null));
  return { policy, placed };
}

const at = '2026-04-01';
const returns: Record<string, Located> = {
  rj1Acute: { type: 'organisation', code: 'RJ1', at },
  rj1Community: { type: 'organisation', code: 'RJ1', at },
  rj1Later: { type: 'organisation', code: 'RJ1', at: '2027-04-01' },
  rj2: { type: 'organisation', code: 'RJ2', at },
  rte: { type: 'organisation', code: 'RTE', at },
  qkk: { type: 'ics', code: 'QKK', at },
};

describe('PolicyService.visibleReturnIds', () => {
  it('keeps the returns the roles may view, placing each trust or ICB once per date', async () => {
    const { policy, placed } = policyWith(returns);
    const visible = await policy.visibleReturnIds(
      { grants: [grant('trust-contributor', 'RJ1'), grant('ics-lead', 'QKK')] },
      [...Object.keys(returns), 'rj1Acute', 'no-such-return'],
    );
    // An ICS lead sees the ICB's own return, not its trusts' (RJ2).
    expect([...visible].sort()).toEqual(['qkk', 'rj1Acute', 'rj1Community', 'rj1Later']);
    expect(placed.sort()).toEqual([`QKK@${at}`, `RJ1@${at}`, 'RJ1@2027-04-01', `RJ2@${at}`, `RTE@${at}`]);
  });

  it('keeps none for someone with no role left, and every existing one for a national administrator', async () => {
    const { policy, placed } = policyWith(returns);
    expect(await policy.visibleReturnIds({ grants: [] }, Object.keys(returns))).toEqual(new Set());
    expect(placed).toEqual([]);
    const all = await policy.visibleReturnIds({ grants: [grant('national-administrator')] }, [
      'rte',
      'qkk',
      'no-such-return',
    ]);
    expect(all).toEqual(new Set(['rte', 'qkk']));
  });
});
