import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CareSetting } from '@wgll/framework';
import type { DataSource } from 'typeorm';
import { parseSnapshot, type SealedReturn } from './seal-snapshot.js';

/** A submitted (sealed) organisation return, as its current revision's seal holds it. */
export interface PeerSealedReturn {
  returnId: string;
  organisationCode: string;
  careSetting: CareSetting;
  cycle: { id: string; name: string; referenceDate: string };
  sealed: SealedReturn;
}

interface Row {
  id: string;
  organisation_code: string;
  care_setting: CareSetting;
  cycle_id: string;
  cycle_name: string;
  reference_date: string;
  snapshot: string;
}

/**
 * What peer learning (issue 19) reads of returns: sealed copies only. Drafts, returns awaiting
 * approval and reopened returns (whose current revision has no seal yet) are never read here.
 */
@Injectable()
export class PeerReturnsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every sealed organisation return of the cycle for a care setting and framework version. */
  async sealedInCycle(
    cycleId: string,
    careSetting: CareSetting,
    framework: { frameworkId: string; version: string },
  ): Promise<PeerSealedReturn[]> {
    const rows = await this.dataSource.query<Row[]>(
      `${SELECT} WHERE r.cycle_id = $1 AND r.care_setting = $2 AND r.framework_id = $3
         AND r.framework_version = $4
       ORDER BY r.organisation_code`,
      [cycleId, careSetting, framework.frameworkId, framework.version],
    );
    return rows.flatMap(toReturn);
  }

  /**
   * The organisation's newest sealed return per care setting (by cycle reference date, then the newest
   * started; retired cycles left out).
   */
  async newestSealedOf(organisationCode: string): Promise<PeerSealedReturn[]> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT DISTINCT ON (r.care_setting) * FROM (${SELECT} WHERE r.organisation_code = $1) r
       ORDER BY r.care_setting, r.reference_date DESC, r.created_at DESC`,
      [organisationCode],
    );
    return rows.flatMap(toReturn);
  }
}

const SELECT = `SELECT r.id, r.organisation_code, r.care_setting, c.id AS cycle_id, c.name AS cycle_name,
         to_char(c.reference_date, 'YYYY-MM-DD') AS reference_date, r.created_at, s.snapshot
       FROM assessment_return r
       JOIN cycle c ON c.id = r.cycle_id AND c.retired_at IS NULL
       JOIN return_seal s ON s.return_id = r.id AND s.revision = r.revision
       AND r.level = 'organisation' AND r.state = 'submitted'`;

/** The return with its sealed copy; none when the copy cannot be read. */
function toReturn(r: Row): PeerSealedReturn[] {
  const sealed = parseSnapshot(r.snapshot);
  if (!sealed) return [];
  return [
    {
      returnId: r.id,
      organisationCode: r.organisation_code,
      careSetting: r.care_setting,
      cycle: { id: r.cycle_id, name: r.cycle_name, referenceDate: r.reference_date },
      sealed,
    },
  ];
}
