import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CareSetting, TrustType } from '@wgll/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { HierarchyLookup } from '../access/hierarchy-lookup.js';
import type { VisibleScope } from '../access/policy.js';
import { isValidOn } from './dated-period.js';
import { IcsSuccessionEntity } from './entities/ics-succession.entity.js';
import { IcsEntity } from './entities/ics.entity.js';
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
const VALID_ON = (alias: string): string =>
  `${alias}.valid_from <= $1 AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= $1)`;

/** "operating on $1": opened by then (or no opening date) and not closed before it. */
const OPERATING_ON = (alias: string): string =>
  `(${alias}.opened_on IS NULL OR ${alias}.opened_on <= $1) AND (${alias}.closed_on IS NULL OR ${alias}.closed_on >= $1)`;

/** An organisation operating on a date, with the ICS it is assessed in then (null when none). */
export interface OperatingOrganisation {
  odsCode: string;
  name: string;
  previousNames: string[];
  icsCode: string | null;
}

/** An organisation assessed in an ICS of an area on a date. */
export interface AssessedOrganisation {
  odsCode: string;
  name: string;
  /** Sorted. */
  careSettings: CareSetting[];
  icsCode: string;
  icsName: string;
}

/** An ICS (ICB) by code and name. */
export interface IcbName {
  odsCode: string;
  name: string;
}

/** One ICS, or every ICS of a region. */
export type HierarchyArea = { ics: string } | { region: string };

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
    if (!filter.includeClosed) where.push(OPERATING_ON('o'));
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

  /** The name of an organisation or ICB by ODS code; null when there is none. */
  async nameOf(code: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = await manager.query<{ name: string }[]>(
      `SELECT name FROM organisation WHERE ods_code = $1 UNION ALL SELECT name FROM ics WHERE ods_code = $1 LIMIT 1`,
      [code],
    );
    return row?.name ?? null;
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

  /** Organisations operating on `at`, each with the ICS it is assessed in then. */
  async organisationsOperatingOn(at: string, manager?: EntityManager): Promise<OperatingOrganisation[]> {
    const rows = await (manager ?? this.dataSource).query<
      Array<{ ods_code: string; name: string; previous_names: string[]; ics_code: string | null }>
    >(
      `SELECT o.ods_code, o.name, o.previous_names, m.ics_code FROM organisation o
       LEFT JOIN organisation_ics_membership m
         ON m.organisation_code = o.ods_code AND m.basis = 'assessment' AND ${VALID_ON('m')}
       WHERE ${OPERATING_ON('o')}`,
      [at],
    );
    return rows.map((o) => ({
      odsCode: o.ods_code,
      name: o.name,
      previousNames: o.previous_names,
      icsCode: o.ics_code,
    }));
  }

  /**
   * Organisations operating on `at` and assessed then in the ICS, or in an ICS of the region (an
   * ICS placed in a region on `at`), by name.
   */
  async organisationsAssessedIn(area: HierarchyArea, at: string): Promise<AssessedOrganisation[]> {
    const rows = await this.dataSource.query<
      Array<{
        ods_code: string;
        name: string;
        care_settings: CareSetting[];
        ics_code: string;
        ics_name: string;
      }>
    >(
      `SELECT o.ods_code, o.name, ARRAY(SELECT unnest(o.care_settings) ORDER BY 1) AS care_settings,
              i.ods_code AS ics_code, i.name AS ics_name
       FROM organisation o
       JOIN organisation_ics_membership m
         ON m.organisation_code = o.ods_code AND m.basis = 'assessment' AND ${VALID_ON('m')}
       JOIN ics i ON i.ods_code = m.ics_code
       JOIN ics_region_membership irm ON irm.ics_code = i.ods_code AND ${VALID_ON('irm')}
       WHERE ${'ics' in area ? 'i.ods_code' : 'irm.region_code'} = $2 AND ${OPERATING_ON('o')}
       ORDER BY o.name, o.ods_code`,
      [at, 'ics' in area ? area.ics : area.region],
    );
    return rows.map((o) => ({
      odsCode: o.ods_code,
      name: o.name,
      careSettings: o.care_settings,
      icsCode: o.ics_code,
      icsName: o.ics_name,
    }));
  }

  /** The ICS, or each ICS of the region, placed in a region on `at`, by name. */
  async icbsIn(area: HierarchyArea, at: string): Promise<IcbName[]> {
    const rows = await this.dataSource.query<Array<{ ods_code: string; name: string }>>(
      `SELECT i.ods_code, i.name
       FROM ics i JOIN ics_region_membership irm ON irm.ics_code = i.ods_code AND ${VALID_ON('irm')}
       WHERE ${'ics' in area ? 'i.ods_code' : 'irm.region_code'} = $2
       ORDER BY i.name, i.ods_code`,
      [at, 'ics' in area ? area.ics : area.region],
    );
    return rows.map((i) => ({ odsCode: i.ods_code, name: i.name }));
  }

  /** ICBs existing on `at`. */
  async icbsExistingOn(at: string, manager?: EntityManager): Promise<IcbName[]> {
    const rows = await (manager ?? this.dataSource).query<Array<{ ods_code: string; name: string }>>(
      `SELECT i.ods_code, i.name FROM ics i WHERE ${VALID_ON('i')}`,
      [at],
    );
    return rows.map((i) => ({ odsCode: i.ods_code, name: i.name }));
  }

  /** The ICS, when it existed on `at`; null otherwise. */
  async icsOn(code: string, at: string): Promise<IcsEntity | null> {
    const ics = await this.ics(code);
    return ics && isValidOn(ics, at) ? ics : null;
  }

  /** The ICS with this code, whatever its dates; null when there is none. */
  ics(code: string): Promise<IcsEntity | null> {
    return this.dataSource.getRepository(IcsEntity).findOneBy({ odsCode: code });
  }

  /** The ICSs an ICS was formed from (e.g. in the April 2026 mergers), by code, with the part each passed on. */
  async predecessorsOf(code: string): Promise<Array<{ odsCode: string; name: string; part: string | null }>> {
    const rows = await this.dataSource.getRepository(IcsSuccessionEntity).find({
      where: { successorCode: code },
      relations: { predecessor: true },
      order: { predecessorCode: 'ASC' },
    });
    return rows.map((s) => ({ odsCode: s.predecessorCode, name: s.predecessor!.name, part: s.part }));
  }

  /** The ICS each of these organisations is assessed in on `at` (those in none are left out). */
  async assessmentIcsOn(
    codes: readonly string[],
    at: string,
    manager?: EntityManager,
  ): Promise<Map<string, string>> {
    const rows = await (manager ?? this.dataSource).query<{ code: string; ics: string }[]>(
      `SELECT m.organisation_code AS code, m.ics_code AS ics FROM organisation_ics_membership m
       WHERE m.basis = 'assessment' AND ${VALID_ON('m')} AND m.organisation_code = ANY($2::text[])`,
      [at, [...new Set(codes)]],
    );
    return new Map(rows.map((p) => [p.code, p.ics]));
  }

  async regionExists(code: string): Promise<boolean> {
    return (
      (await this.dataSource.query<unknown[]>('SELECT 1 FROM region WHERE ods_code = $1', [code])).length > 0
    );
  }

  /** A region's code and name; null when there is none. */
  async region(code: string): Promise<IcbName | null> {
    const [row] = await this.dataSource.query<Array<{ ods_code: string; name: string }>>(
      'SELECT ods_code, name FROM region WHERE ods_code = $1',
      [code],
    );
    return row ? { odsCode: row.ods_code, name: row.name } : null;
  }

  /** Every region, by name (national targets: England region by region). */
  async regions(): Promise<IcbName[]> {
    const rows = await this.dataSource.query<Array<{ ods_code: string; name: string }>>(
      'SELECT ods_code, name FROM region ORDER BY name, ods_code',
    );
    return rows.map((r) => ({ odsCode: r.ods_code, name: r.name }));
  }
}
