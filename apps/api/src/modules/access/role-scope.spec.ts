import { describe, expect, it } from '@jest/globals';
import type { RoleScopeTypes } from '@wgll/contracts';
import { ROLE_SCOPE } from './policy.js';

// The contracts' table of roles to scopes, which the web declares its table with. Typed, so a copy
// that differs from the contracts does not compile; the test then holds the policy's table to it.
const contractTable: RoleScopeTypes = {
  'national-administrator': 'national',
  'regional-viewer': 'region',
  'ics-lead': 'ics',
  'trust-lead': 'organisation',
  'trust-contributor': 'organisation',
  'board-approver': 'organisation',
};

describe('ROLE_SCOPE', () => {
  it('is the contracts’ table of roles to scopes, as the web uses it', () => {
    expect(ROLE_SCOPE).toStrictEqual(contractTable);
  });
});
