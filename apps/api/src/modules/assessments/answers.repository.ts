import { Injectable } from '@nestjs/common';
import type { CareSetting, Confidence, ReturnState } from '@wgll/contracts';
import { isUUID } from 'class-validator';
import { type EntityManager, In } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query.js';
import type { CycleEntity } from '../cycles/cycle.entity.js';
import type { AssessmentReturnEntity } from './entities/assessment-return.entity.js';
import { DomainAnswerEntity } from './entities/domain-answer.entity.js';

/** A return as an answer save needs it, with its cycle and the stored answer to one domain. */
export interface AnswerTarget {
  ret: Pick<
    AssessmentReturnEntity,
    | 'id'
    | 'state'
    | 'revision'
    | 'careSetting'
    | 'frameworkId'
    | 'frameworkVersion'
    | 'organisationCode'
    | 'icsCode'
  >;
  cycle: Pick<CycleEntity, 'name' | 'opensOn' | 'closesOn' | 'retiredAt'>;
  current: DomainAnswerEntity | null;
}

/** What counts an answer's domain as answered and scores it, and when it last changed. */
export type AnswerChoicesRow = Pick<
  DomainAnswerEntity,
  'returnId' | 'domainId' | 'met' | 'notApplicable' | 'noneMet' | 'toConfirm' | 'updatedAt'
>;

/**
 * How `lockTarget` holds the return row: `none` reads it (outside a transaction: see `write`);
 * `shared` lets answer saves of different domains run side by side; `exclusive` runs alone on it.
 */
export type ReturnLock = 'none' | 'shared' | 'exclusive';

interface TargetRow {
  id: string;
  state: ReturnState;
  revision: number;
  care_setting: CareSetting | null;
  framework_id: string;
  framework_version: string;
  organisation_code: string | null;
  ics_code: string | null;
  cycle_name: string;
  opens_on: string;
  closes_on: string;
  retired_at: Date | null;
  domain_id: string | null;
  met: string[];
  not_applicable: boolean;
  none_met: boolean;
  comment: string;
  confidence: Confidence | null;
  evidence_ids: string[];
  version: number;
  to_confirm: boolean;
  updated_by: string | null;
  updated_at: Date;
}

/**
 * The SQL of the answer save, the hot path of the questionnaire's autosave: one statement reads and
 * locks, one writes the answer and its audit entry. Plain parameterised SQL, no entity metadata,
 * prepared once per connection (preparedQuery).
 */
@Injectable()
export class AnswersRepository {
  /** The choices of every answer to these returns: enough for progress, scores and what is left. */
  choicesOf(manager: EntityManager, returnIds: readonly string[]): Promise<AnswerChoicesRow[]> {
    if (returnIds.length === 0) return Promise.resolve([]);
    return manager.getRepository(DomainAnswerEntity).find({
      where: { returnId: In([...returnIds]) },
      select: {
        returnId: true,
        domainId: true,
        met: true,
        notApplicable: true,
        noneMet: true,
        toConfirm: true,
        updatedAt: true,
      },
    });
  }

  /**
   * Locks the return row and reads it with its cycle and the stored answer to `domainId`, or null
   * when there is no such return. A shared lock (FOR SHARE) lets saves of different answers run at
   * once while still excluding every change of the return's state (submit, seal, approve, reopen,
   * evidence removal), which takes the row FOR UPDATE; the answer itself is guarded by its version.
   */
  async lockTarget(
    manager: EntityManager,
    id: string,
    domainId: string,
    lock: ReturnLock,
  ): Promise<AnswerTarget | null> {
    if (!isUUID(id)) return null;
    const [row] = await preparedQuery<TargetRow>(
      manager,
      `SELECT r.id, r.state, r.revision, r.care_setting, r.framework_id, r.framework_version,
              r.organisation_code, r.ics_code, c.name AS cycle_name, c.opens_on, c.closes_on, c.retired_at,
              a.domain_id, a.met, a.not_applicable, a.none_met, a.comment, a.confidence, a.evidence_ids, a.version,
              a.to_confirm, a.updated_by, a.updated_at
       FROM assessment_return r
       JOIN cycle c ON c.id = r.cycle_id
       LEFT JOIN domain_answer a ON a.return_id = r.id AND a.domain_id = $2
       WHERE r.id = $1
       ${{ none: '', shared: 'FOR SHARE OF r', exclusive: 'FOR UPDATE OF r' }[lock]}`,
      [id, domainId],
    );
    if (!row) return null;
    return {
      ret: {
        id: row.id,
        state: row.state,
        revision: row.revision,
        careSetting: row.care_setting,
        frameworkId: row.framework_id,
        frameworkVersion: row.framework_version,
        organisationCode: row.organisation_code,
        icsCode: row.ics_code,
      },
      cycle: {
        name: row.cycle_name,
        opensOn: row.opens_on,
        closesOn: row.closes_on,
        retiredAt: row.retired_at,
      },
      current: row.domain_id === null ? null : toEntity(id, row),
    };
  }

  /** The stored answer (e.g. to show in a conflict), read afresh. */
  async find(manager: EntityManager, id: string, domainId: string): Promise<DomainAnswerEntity | null> {
    const [row] = await manager.query<TargetRow[]>(
      `SELECT domain_id, met, not_applicable, none_met, comment, confidence, evidence_ids, version, to_confirm,
              updated_by, updated_at
       FROM domain_answer WHERE return_id = $1 AND domain_id = $2`,
      [id, domainId],
    );
    return row ? toEntity(id, row) : null;
  }

  /**
   * Writes `answer` if the stored one is still at `baseVersion` (0: none stored yet), together with
   * the audit entry `audit` builds (an INSERT … SELECT … FROM the CTE it is given), in one statement.
   * False when another save got there first: nothing was written.
   *
   * With `whileState`, the statement also takes the return row FOR SHARE and writes only if the
   * return is still in that state, so it can run on its own outside a transaction: a change of the
   * return's state (e.g. a seal, which takes the row FOR UPDATE) either waits for it or is seen by it
   * (READ COMMITTED re-checks a row it waited for), and an answer changed meanwhile fails the version.
   *
   * With `asRead` (the return, cycle and answer as an earlier save on this process left them, not
   * read by this save), it writes only if they are all still exactly so: the return in every column
   * `AnswerTarget` holds, its cycle open-ended as then and not retired, and the answer at the same
   * version, saved at the same instant by the same person. Nothing it was told can be out of date
   * without the statement writing nothing.
   */
  async write(
    manager: EntityManager,
    answer: DomainAnswerEntity,
    baseVersion: number,
    audit: (source: string, first: number) => { sql: string; params: unknown[] },
    whileState?: ReturnState,
    asRead?: AnswerTarget & { current: DomainAnswerEntity },
  ): Promise<boolean> {
    const params: unknown[] = [
      answer.returnId,
      answer.domainId,
      answer.met,
      answer.notApplicable,
      answer.comment,
      answer.confidence,
      answer.evidenceIds,
      answer.version,
      answer.toConfirm,
      answer.updatedBy,
      answer.updatedAt,
      baseVersion,
      answer.noneMet,
    ];
    const guard = whileState === undefined ? 'TRUE' : 'EXISTS (SELECT 1 FROM ret)';
    const ret =
      whileState === undefined
        ? ''
        : asRead === undefined
          ? `ret AS (SELECT id FROM assessment_return WHERE id = $1 AND state = $${params.push(whileState)} FOR SHARE), `
          : `ret AS (${unchangedReturn(params, whileState, asRead)}), `;
    const sameAnswer =
      asRead === undefined
        ? ''
        : `AND updated_at = $${params.push(asRead.current.updatedAt)}::timestamptz
           AND updated_by IS NOT DISTINCT FROM $${params.push(asRead.current.updatedBy)}::uuid`;
    const write =
      baseVersion === 0
        ? `INSERT INTO domain_answer (return_id, domain_id, met, not_applicable, comment, confidence,
             evidence_ids, version, to_confirm, updated_by, updated_at, none_met)
           SELECT $1::uuid, $2::varchar, $3::text[], $4::boolean, $5::text, $6::varchar, $7::uuid[],
             $8::int, $9::boolean, $10::uuid, $11::timestamptz, $13::boolean
           WHERE $12::int = 0 AND ${guard}
           ON CONFLICT (return_id, domain_id) DO NOTHING RETURNING 1`
        : `UPDATE domain_answer SET met = $3::text[], not_applicable = $4::boolean, comment = $5::text,
             confidence = $6::varchar, evidence_ids = $7::uuid[], version = $8::int, to_confirm = $9::boolean,
             updated_by = $10::uuid, updated_at = $11::timestamptz, none_met = $13::boolean
           WHERE return_id = $1 AND domain_id = $2 AND version = $12::int ${sameAnswer} AND ${guard} RETURNING 1`;
    const entry = audit('saved', params.length + 1);
    const rows = await preparedQuery(manager, `WITH ${ret}saved AS (${write}) ${entry.sql} RETURNING 1`, [
      ...params,
      ...entry.params,
    ]);
    return rows.length === 1;
  }
}

/**
 * The return row, FOR SHARE, if it and its cycle are still as `asRead` holds them (and the cycle not
 * retired), adding the values to `params`.
 */
function unchangedReturn(params: unknown[], state: ReturnState, asRead: AnswerTarget): string {
  const { ret, cycle } = asRead;
  const $ = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  return `SELECT r.id FROM assessment_return r JOIN cycle c ON c.id = r.cycle_id
    WHERE r.id = $1 AND r.state = ${$(state, 'varchar')} AND r.revision = ${$(ret.revision, 'int')}
      AND r.care_setting IS NOT DISTINCT FROM ${$(ret.careSetting, 'varchar')}
      AND r.framework_id = ${$(ret.frameworkId, 'varchar')}
      AND r.framework_version = ${$(ret.frameworkVersion, 'varchar')}
      AND r.organisation_code IS NOT DISTINCT FROM ${$(ret.organisationCode, 'varchar')}
      AND r.ics_code IS NOT DISTINCT FROM ${$(ret.icsCode, 'varchar')}
      AND c.name = ${$(cycle.name, 'varchar')} AND c.opens_on = ${$(cycle.opensOn, 'date')}
      AND c.closes_on = ${$(cycle.closesOn, 'date')} AND c.retired_at IS NULL
    FOR SHARE OF r`;
}

function toEntity(returnId: string, row: Omit<TargetRow, 'domain_id'> & { domain_id: string | null }) {
  return {
    returnId,
    domainId: row.domain_id!,
    met: row.met,
    notApplicable: row.not_applicable,
    noneMet: row.none_met,
    comment: row.comment,
    confidence: row.confidence,
    evidenceIds: row.evidence_ids,
    version: row.version,
    toConfirm: row.to_confirm,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  } satisfies DomainAnswerEntity;
}
