import type { Role } from '@wgll/contracts';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../common/secrets.js';
import type { AuditService } from '../../modules/audit/audit.service.js';

/** The password of every demo account (printed by `npm start`; demo data only). */
export const DEMO_PASSWORD = 'wgll-demo-2026';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  scopeCode: string | null;
  scopeName: string;
}

/**
 * One account per role, on real organisations: King's College Hospital (RJZ, a London acute trust),
 * its ICS (NHS South East London ICB, QKK) and region (London, Y56). The demo world leaves RJZ's
 * returns for these accounts to start.
 */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@demo.wgll.example',
    displayName: 'Alex Morgan (demo)',
    role: 'national-administrator',
    scopeCode: null,
    scopeName: 'England',
  },
  {
    email: 'region@demo.wgll.example',
    displayName: 'Priya Shah (demo)',
    role: 'regional-viewer',
    scopeCode: 'Y56',
    scopeName: 'London',
  },
  {
    email: 'ics@demo.wgll.example',
    displayName: 'Tom Okoro (demo)',
    role: 'ics-lead',
    scopeCode: 'QKK',
    scopeName: 'NHS South East London ICB',
  },
  {
    email: 'trust-lead@demo.wgll.example',
    displayName: 'Grace Adeyemi (demo)',
    role: 'trust-lead',
    scopeCode: 'RJZ',
    scopeName: "King's College Hospital",
  },
  {
    email: 'contributor@demo.wgll.example',
    displayName: 'Ben Carter (demo)',
    role: 'trust-contributor',
    scopeCode: 'RJZ',
    scopeName: "King's College Hospital",
  },
  {
    email: 'board@demo.wgll.example',
    displayName: 'Helen Price (demo)',
    role: 'board-approver',
    scopeCode: 'RJZ',
    scopeName: "King's College Hospital",
  },
];

/**
 * Creates the demo accounts that do not exist yet (idempotent; an account someone changed is left
 * as it is). Runs in embedded mode, or with SEED_DEMO=true; the demo world adds its people the same way.
 */
export async function seedDemoAccounts(
  dataSource: DataSource,
  audit: AuditService,
  accounts: DemoAccount[] = DEMO_ACCOUNTS,
): Promise<{ created: number; accounts: DemoAccount[] }> {
  const existing = await dataSource.query<{ email: string }[]>(
    'SELECT email FROM app_user WHERE email = ANY($1::text[])',
    [accounts.map((a) => a.email)],
  );
  const missing = accounts.filter((a) => !existing.some((e) => e.email === a.email));
  if (missing.length === 0) return { created: 0, accounts };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  await dataSource.transaction(async (manager) => {
    for (const account of missing) {
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO app_user (email, display_name, password_hash, status) VALUES ($1, $2, $3, 'active')
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [account.email, account.displayName, passwordHash],
      );
      if (!rows[0]) continue;
      created += 1;
      await manager.query(
        'INSERT INTO role_assignment (user_id, role, scope_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [rows[0].id, account.role, account.scopeCode],
      );
      await audit.record(
        {
          action: 'user.created',
          actor: { email: 'demo data' },
          target: { type: 'user', id: rows[0].id, label: account.email },
          details: { demo: true, role: account.role, scopeCode: account.scopeCode },
        },
        manager,
      );
    }
  });
  return { created, accounts };
}
