import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { IcsRegionMembershipEntity } from '../../modules/organisations/entities/ics-region-membership.entity.js';
import { IcsSuccessionEntity } from '../../modules/organisations/entities/ics-succession.entity.js';
import { IcsEntity } from '../../modules/organisations/entities/ics.entity.js';
import { OrganisationChangeEntity } from '../../modules/organisations/entities/organisation-change.entity.js';
import { OrganisationIcsMembershipEntity } from '../../modules/organisations/entities/organisation-ics-membership.entity.js';
import { OrganisationEntity } from '../../modules/organisations/entities/organisation.entity.js';
import { RegionEntity } from '../../modules/organisations/entities/region.entity.js';
import { buildHierarchy, REFERENCE_FILES, type ReferenceFileTexts } from './hierarchy-builder.js';

/** The reference CSVs shipped with the API (apps/api/data/reference), from src or dist alike. */
export const REFERENCE_DATA_DIR = resolve(import.meta.dirname, '../../../data/reference');

export interface TableSync {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}
export type SeedSummary = Record<string, TableSync>;

export function readReferenceFiles(dir: string = REFERENCE_DATA_DIR): ReferenceFileTexts {
  const texts = {} as ReferenceFileTexts;
  for (const [key, file] of Object.entries(REFERENCE_FILES)) {
    texts[key as keyof ReferenceFileTexts] = readFileSync(join(dir, file), 'utf8');
  }
  return texts;
}

/**
 * Loads the organisation hierarchy. Idempotent: it compares with what is stored and writes only
 * differences, in one transaction. Organisations, ICSs and regions are never deleted (later data
 * refers to them); dated memberships, successions and changes not in the files are removed.
 */
export async function seedReferenceData(
  dataSource: DataSource,
  texts: ReferenceFileTexts = readReferenceFiles(),
): Promise<SeedSummary> {
  const h = buildHierarchy(texts);
  return dataSource.transaction(async (manager) => {
    // Two API instances starting together against one database must not both insert.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('wgll-reference-seed'))`);
    const summary: SeedSummary = {};
    summary.region = await syncTable(manager, RegionEntity, h.regions, ['odsCode'], false);
    summary.ics = await syncTable(manager, IcsEntity, h.icss, ['odsCode'], false);
    summary.ics_region_membership = await syncTable(
      manager,
      IcsRegionMembershipEntity,
      h.icsRegions,
      ['icsCode', 'validFrom'],
      true,
    );
    summary.ics_succession = await syncTable(
      manager,
      IcsSuccessionEntity,
      h.successions,
      ['predecessorCode', 'successorCode'],
      true,
    );
    summary.organisation = await syncTable(manager, OrganisationEntity, h.organisations, ['odsCode'], false);
    summary.organisation_ics_membership = await syncTable(
      manager,
      OrganisationIcsMembershipEntity,
      h.memberships,
      ['organisationCode', 'basis', 'validFrom'],
      true,
    );
    summary.organisation_change = await syncTable(
      manager,
      OrganisationChangeEntity,
      h.changes,
      ['organisationCode', 'kind'],
      true,
    );
    return summary;
  });
}

async function syncTable<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: T[],
  key: Array<keyof T & string>,
  deleteMissing: boolean,
): Promise<TableSync> {
  const repo = manager.getRepository(entity);
  const keyOf = (row: T): string => key.map((k) => String(row[k])).join('|');
  const stored = new Map((await repo.find()).map((row) => [keyOf(row), row]));
  const result: TableSync = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  const toInsert: T[] = [];
  const toUpdate: T[] = [];
  for (const row of rows) {
    const k = keyOf(row);
    const current = stored.get(k);
    stored.delete(k);
    if (!current) toInsert.push(row);
    else if (Object.keys(row).some((c) => JSON.stringify(row[c]) !== JSON.stringify(current[c])))
      toUpdate.push(row);
    else result.unchanged += 1;
  }
  if (deleteMissing && stored.size > 0) {
    await repo.remove([...stored.values()]);
    result.deleted = stored.size;
  }
  if (toInsert.length > 0) await repo.insert(toInsert);
  for (const row of toUpdate) await repo.save(row);
  result.inserted = toInsert.length;
  result.updated = toUpdate.length;
  return result;
}
