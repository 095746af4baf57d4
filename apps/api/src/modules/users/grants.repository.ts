import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Grant } from '../access/policy.js';
import { ROLE_SCOPE } from '../access/policy.js';
import type { ScopeNames } from './users.mapper.js';

const SCOPE_TABLE = { region: 'region', ics: 'ics', organisation: 'organisation' } as const;

/** Reads role grants and the names of the regions, ICBs and organisations that scope them. */
@Injectable()
export class GrantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forUsers(
    userIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Grant[]>> {
    const byUser = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return byUser;
    const rows = await manager.query<
      { id: string; user_id: string; role: Grant['role']; scope_code: string | null; granted_at: Date }[]
    >(
      `SELECT id, user_id, role, scope_code, granted_at FROM role_assignment
       WHERE user_id = ANY($1::uuid[]) ORDER BY granted_at, id`,
      [userIds],
    );
    for (const row of rows) {
      byUser.get(row.user_id)?.push({
        id: row.id,
        role: row.role,
        scopeCode: row.scope_code,
        grantedAt: new Date(row.granted_at),
      });
    }
    return byUser;
  }

  async forUser(userId: string, manager?: EntityManager): Promise<Grant[]> {
    return (await this.forUsers([userId], manager)).get(userId) ?? [];
  }

  /**
   * For a caller that reads a user anyway (the session check on every request): SQL giving the
   * grants of the user whose id is the SQL expression `userId` as one JSON value, in the order of
   * `forUsers`, so both come in one round trip. Read the value with `fromJson`.
   */
  static jsonSql(userId: string): string {
    return `COALESCE((SELECT json_agg(json_build_object('id', g.id, 'role', g.role, 'scopeCode', g.scope_code,
              'grantedAt', g.granted_at) ORDER BY g.granted_at, g.id)
            FROM role_assignment g WHERE g.user_id = ${userId}), '[]'::json)`;
  }

  static fromJson(value: { id: string; role: Grant['role']; scopeCode: string | null; grantedAt: string }[]) {
    return value.map((g): Grant => ({ ...g, grantedAt: new Date(g.grantedAt) }));
  }

  /** Names keyed `type:code` for every scope in `grants`. */
  async scopeNames(grants: Grant[]): Promise<ScopeNames> {
    const names: ScopeNames = new Map();
    for (const type of ['region', 'ics', 'organisation'] as const) {
      const codes = [
        ...new Set(grants.filter((g) => ROLE_SCOPE[g.role] === type && g.scopeCode).map((g) => g.scopeCode!)),
      ];
      if (codes.length === 0) continue;
      const rows = await this.dataSource.query<{ ods_code: string; name: string }[]>(
        `SELECT ods_code, name FROM ${SCOPE_TABLE[type]} WHERE ods_code = ANY($1::text[])`,
        [codes],
      );
      for (const row of rows) names.set(`${type}:${row.ods_code}`, row.name);
    }
    return names;
  }

  /** Whether `code` names an existing region, ICB or organisation, as the scope type needs. */
  async scopeExists(type: 'region' | 'ics' | 'organisation', code: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM ${SCOPE_TABLE[type]} WHERE ods_code = $1`,
      [code],
    );
    return rows.length > 0;
  }
}
