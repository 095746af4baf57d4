import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TrustType } from '@wgll/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { HierarchyLookup } from '../access/hierarchy-lookup.js';
import type { VisibleScope } from '../access/policy.js';
import type { OrganisationAtRow } from './organisations.mapper.js';

export interface OrganisationFilter {
  q?: string;
  region?: string;
  ics?: string;
  type?: TrustType;
  includeClosed?: boolean;
  /** Only organisations inside this scope on `at` (see access/policy.ts visibleScope). */
  scope?: VisibleScope;
}

/** "valid on $1": both ends inclusive, open-ended when valid_to is null. */
export const VALID_ON = (alias: string): string =>
  `${alias}.valid_from <= $1 AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= $1)`;

/** Apostrophes dropped, other punctuation as spaces: "Guy's" and "guys" both find GUY'S. */
export function normaliseSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type Placement = { ics: string | null; region: string | null } | undefined;

/**
 * How long an organisation's placement on a date is kept in memory. The hierarchy is reference data
 * that changes only when it is loaded again (at start, or `npm run seed` from another process, which
 * the API then follows within this time); the access check of every request reads it.
 */
const PLACEMENT_TTL_MS = 60_000;
const PLACEMENT_CACHE_MAX = 20_000;

/** SQL for reading the dated hierarchy; the services shape the results. Access's HierarchyLookup. */
@Injectable()
export class HierarchyRepository implements HierarchyLookup {
  private readonly placements = new Map<string, { place: Placement; until: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Organisations with their assessment ICS and its region on `at`, filtered and paged. */
  async findOrganisationsAt(
    at: string,
    filter: OrganisationFilter,
    page?: { limit: number; offset: number },
  ): Promise<{ rows: OrganisationAtRow[]; total: number }> {
    const params: unknown[] = [at];
    const where: string[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (!filter.includeClosed) {
      where.push('(o.opened_on IS NULL OR o.opened_on <= $1) AND (o.closed_on IS NULL OR o.closed_on >= $1)');
    }
    const q = filter.q ? normaliseSearch(filter.q) : '';
    if (q) {
      const like = param(`%${q.replace(/[\\%_]/g, '\\$&')}%`);
      const code = param(filter.q!.trim().toUpperCase());
      where.push(
        `(regexp_replace(regexp_replace(lower(o.name || ' ' || array_to_string(o.previous_names, ' ')), '[''’]', '', 'g'), '[^a-z0-9]+', ' ', 'g') LIKE ${like} OR o.ods_code = ${code})`,
      );
    }
    if (filter.region) where.push(`r.ods_code = ${param(filter.region)}`);
    if (filter.ics) where.push(`i.ods_code = ${param(filter.ics)}`);
    if (filter.type) where.push(`o.type = ${param(filter.type)}`);
    if (filter.scope && !filter.scope.all) {
      const { organisations, ics, regions } = filter.scope;
      where.push(
        `(o.ods_code = ANY(${param(organisations)}::text[]) OR i.ods_code = ANY(${param(ics)}::text[])` +
          ` OR r.ods_code = ANY(${param(regions)}::text[]))`,
      );
    }

    const from = `
      FROM organisation o
      LEFT JOIN organisation_ics_membership m
        ON m.organisation_code = o.ods_code AND m.basis = 'assessment' AND ${VALID_ON('m')}
      LEFT JOIN ics i ON i.ods_code = m.ics_code
      LEFT JOIN ics_region_membership irm ON irm.ics_code = i.ods_code AND ${VALID_ON('irm')}
      LEFT JOIN region r ON r.ods_code = irm.region_code
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
    const [{ total }] = await this.dataSource.query<[{ total: number }]>(
      `SELECT count(*)::int AS total ${from}`,
      params,
    );
    const paging = page ? `LIMIT ${param(page.limit)} OFFSET ${param(page.offset)}` : '';
    const rows = await this.dataSource.query<OrganisationAtRow[]>(
      `SELECT o.ods_code, o.name, o.type, o.care_settings, o.opened_on, o.closed_on,
              i.ods_code AS ics_ods_code, i.name AS ics_name, i.ons_code AS ics_ons_code,
              i.valid_from AS ics_valid_from, i.valid_to AS ics_valid_to,
              r.ods_code AS region_ods_code, r.name AS region_name, r.ons_code AS region_ons_code
       ${from}
       ORDER BY o.name, o.ods_code ${paging}`,
      params,
    );
    return { rows, total };
  }

  /**
   * An organisation's assessment ICS and that ICS's region on `at`; undefined when no such
   * organisation. Pass `manager` inside a transaction.
   */
  async placeOrganisation(code: string, at: string, manager?: EntityManager): Promise<Placement> {
    // Inside a transaction the caller reads its own snapshot; otherwise a recent answer will do.
    if (manager) return this.readPlacement(code, at, manager);
    const key = `${code}|${at}`;
    const now = Date.now();
    const kept = this.placements.get(key);
    if (kept && kept.until > now) return kept.place;
    const place = await this.readPlacement(code, at, this.dataSource.manager);
    // Only organisations that exist are kept, the oldest making way: made-up codes cannot fill it.
    if (place === undefined) return place;
    if (this.placements.size >= PLACEMENT_CACHE_MAX)
      this.placements.delete(this.placements.keys().next().value!);
    this.placements.set(key, { place, until: now + PLACEMENT_TTL_MS });
    return place;
  }

  private async readPlacement(code: string, at: string, manager: EntityManager): Promise<Placement> {
    const [row] = await manager.query<{ ics: string | null; region: string | null }[]>(
      `SELECT m.ics_code AS ics, irm.region_code AS region
       FROM organisation o
       LEFT JOIN organisation_ics_membership m
         ON m.organisation_code = o.ods_code AND m.basis = 'assessment' AND ${VALID_ON('m')}
       LEFT JOIN ics_region_membership irm ON irm.ics_code = m.ics_code AND ${VALID_ON('irm')}
       WHERE o.ods_code = $2`,
      [at, code],
    );
    return row;
  }

  /** An ICS's region on `at`; undefined when no such ICS. Pass `manager` inside a transaction. */
  async placeIcs(
    code: string,
    at: string,
    manager?: EntityManager,
  ): Promise<{ region: string | null } | undefined> {
    const [row] = await (manager ?? this.dataSource).query<{ region: string | null }[]>(
      `SELECT irm.region_code AS region FROM ics i
       LEFT JOIN ics_region_membership irm ON irm.ics_code = i.ods_code AND ${VALID_ON('irm')}
       WHERE i.ods_code = $2`,
      [at, code],
    );
    return row;
  }

  async regionExists(code: string): Promise<boolean> {
    return (
      (await this.dataSource.query<unknown[]>('SELECT 1 FROM region WHERE ods_code = $1', [code])).length > 0
    );
  }
}
