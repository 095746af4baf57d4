import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonRef, Role } from '@wgll/contracts';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import { UserEntity } from './entities/user.entity.js';

export type Person = PersonRef & { email: string };

/** Names of people for other modules: by id, or those holding given roles on a scope. */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Display names and emails by user id; pass the transaction's manager when inside one. */
  byIds(
    ids: Iterable<string | null>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Person>> {
    return this.find(ids, manager, false);
  }

  /** As `byIds`, leaving out disabled accounts (people to tell something). */
  activeByIds(
    ids: Iterable<string | null>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Person>> {
    return this.find(ids, manager, true);
  }

  private async find(
    ids: Iterable<string | null>,
    manager: EntityManager,
    activeOnly: boolean,
  ): Promise<Map<string, Person>> {
    const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await manager.getRepository(UserEntity).find({
      where: activeOnly ? { id: In(wanted), status: Not('disabled') } : { id: In(wanted) },
      select: { id: true, displayName: true, email: true },
    });
    return new Map(rows.map((u) => [u.id, { id: u.id, displayName: u.displayName, email: u.email }]));
  }

  /** People (not disabled) holding any of `roles` on `scopeCode`, by name. */
  async holding(
    scopeCode: string,
    roles: Role[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Person[]> {
    return (await this.holdingEach([scopeCode], roles, manager)).get(scopeCode) ?? [];
  }

  /** Everyone (not disabled) holding any of `roles`, with the role and its scope, one row per grant. */
  async withRoles(
    roles: Role[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<(Person & { role: Role; scopeCode: string })[]> {
    const rows = await manager.query<
      { id: string; display_name: string; email: string; role: Role; scope_code: string }[]
    >(
      `SELECT DISTINCT u.id, u.display_name, u.email, g.role, g.scope_code
       FROM app_user u JOIN role_assignment g ON g.user_id = u.id
       WHERE u.status <> 'disabled' AND g.role = ANY($1) AND g.scope_code IS NOT NULL
       ORDER BY u.id, g.role, g.scope_code`,
      [roles],
    );
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      email: r.email,
      role: r.role,
      scopeCode: r.scope_code,
    }));
  }

  /** People (not disabled) holding any of `roles` on each of `scopeCodes`, by scope code, in one query. */
  async holdingEach(
    scopeCodes: string[],
    roles: Role[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Person[]>> {
    const byScope = new Map<string, Person[]>();
    if (scopeCodes.length === 0) return byScope;
    const rows = await manager.query<
      { scope_code: string; id: string; display_name: string; email: string }[]
    >(
      `SELECT DISTINCT g.scope_code, u.id, u.display_name, u.email
       FROM app_user u JOIN role_assignment g ON g.user_id = u.id
       WHERE u.status <> 'disabled' AND g.scope_code = ANY($1::text[]) AND g.role = ANY($2)
       ORDER BY g.scope_code, u.display_name, u.email`,
      [scopeCodes, roles],
    );
    for (const r of rows) {
      const people = byScope.get(r.scope_code) ?? [];
      people.push({ id: r.id, displayName: r.display_name, email: r.email });
      byScope.set(r.scope_code, people);
    }
    return byScope;
  }
}
