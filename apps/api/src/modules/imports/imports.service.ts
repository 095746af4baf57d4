import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportDetail, ImportList, ImportSummary } from '@wgll/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { VALID_ON } from '../organisations/hierarchy.repository.js';
import { ApiException, invalidFields, NotFoundApiException } from '../../common/api-exception.filter.js';
import { formatIsoDate } from '../../common/iso-date.js';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { CycleEntity } from '../cycles/cycle.entity.js';
import { type PublishedScore, ResultScoresRepository } from '../results/result-scores.repository.js';
import { ResultsData } from '../results/results-data.js';
import type { ConfirmMatchesDto } from './dto/imports.dto.js';
import { type ParsedWorkbook, readDmaWorkbook, WorkbookError } from './dma-workbook.js';
import { PublishedNameAliasEntity } from './entities/published-name-alias.entity.js';
import { ResultImportEntity } from './entities/result-import.entity.js';
import {
  aliasKey,
  type Candidate,
  matchNames,
  type NameMatch,
  type NameToMatch,
  normaliseName,
} from './name-matcher.js';
import { cycleRetired } from '../cycles/cycles.service.js';

const STATUS_ORDER = { unmatched: 0, doubtful: 1, matched: 2 } as const;

/** Unmatched names first, then doubtful, then matched, each by name. */
const inReviewOrder = (names: NameMatch[]): NameMatch[] =>
  [...names].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.publishedName.localeCompare(b.publishedName),
  );

/**
 * Imports of NHS England's DMA data file: read, match names to ODS codes, let an administrator
 * confirm what is doubtful, then store the rows as the cycle's published results.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scores: ResultScoresRepository,
    private readonly results: ResultsData,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ImportList> {
    const imports = await this.dataSource
      .getRepository(ResultImportEntity)
      .find({ relations: { cycle: true }, order: { importedAt: 'DESC' } });
    return { items: await Promise.all(imports.map((i) => this.summary(i))) };
  }

  async detail(id: string): Promise<ImportDetail> {
    return this.toDetail(await this.load(this.dataSource.manager, id));
  }

  /**
   * Reads the file into the cycle. The same file again changes nothing (`unchanged`). When every
   * name matched, the rows are applied at once; otherwise the import waits for review.
   */
  async upload(
    content: Buffer,
    fileName: string,
    cycleId: string,
    actor: Principal | null,
  ): Promise<{ created: boolean; detail: ImportDetail }> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
    if (!cycle)
      throw invalidFields([{ field: 'cycleId', messages: ['Choose the cycle these results belong to'] }]);
    if (cycle.retiredAt)
      throw invalidFields([
        { field: 'cycleId', messages: [`The ${cycle.name} cycle has been retired; choose another cycle`] },
      ]);
    const existing = await this.dataSource.getRepository(ResultImportEntity).findOneBy({ cycleId, sha256 });
    if (existing) return { created: false, detail: { ...(await this.detail(existing.id)), unchanged: true } };

    let workbook: ParsedWorkbook;
    try {
      workbook = await readDmaWorkbook(content);
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'IMPORT_FILE_INVALID',
        `${fileName} cannot be imported: ${error.problems[0]}`,
        [{ field: 'file', messages: error.problems }],
      );
    }
    const names = inReviewOrder(markConflicts(workbook, await this.match(workbook, cycle.referenceDate)));
    const outcome = await this.dataSource.transaction(async (manager) => {
      // One import into a cycle at a time: the same file uploaded twice at once finds the first.
      await lockCycle(manager, cycleId);
      const first = await manager.getRepository(ResultImportEntity).findOneBy({ cycleId, sha256 });
      if (first) return { id: first.id, created: false };
      const saved = await manager.getRepository(ResultImportEntity).save(
        manager.getRepository(ResultImportEntity).create({
          cycleId,
          fileName,
          sha256,
          sourceTitle: workbook.title,
          publicationDate: workbook.publicationDate,
          state: 'review',
          workbook,
          names,
          importedBy: actor?.id ?? null,
          appliedAt: null,
        }),
      );
      await this.record(manager, 'import.uploaded', actor, saved, cycle, {
        sha256,
        providerRows: workbook.providers.length,
        icbRows: workbook.icbs.length,
        toReview: names.filter((n) => n.status !== 'matched').length,
      });
      if (names.every((n) => n.status === 'matched')) await this.apply(manager, saved, cycle, actor);
      return { id: saved.id, created: true };
    });
    if (!outcome.created)
      return { created: false, detail: { ...(await this.detail(outcome.id)), unchanged: true } };
    this.results.invalidate();
    return { created: true, detail: await this.detail(outcome.id) };
  }

  /** Confirms matches for doubtful or unmatched names (all or none), remembers them, applies when none is left. */
  async confirm(id: string, input: ConfirmMatchesDto, actor: Principal): Promise<ImportDetail> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.load(manager, id);
      await lockCycle(manager, found.cycleId);
      const entity = await this.load(manager, id, true);
      if (entity.state === 'applied') {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'IMPORT_APPLIED',
          'This import has already been applied.',
        );
      }
      const [newer] = await manager.query<unknown[]>(
        `SELECT 1 FROM result_import WHERE cycle_id = $1 AND state = 'applied'
           AND imported_at > (SELECT imported_at FROM result_import WHERE id = $2) LIMIT 1`,
        [entity.cycleId, entity.id],
      );
      if (newer) {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'IMPORT_SUPERSEDED',
          `A file uploaded after this one has since been applied to ${entity.cycle!.name}. Upload this file again to use it instead.`,
        );
      }
      const candidates = await this.candidates(manager, entity.cycle!.referenceDate);
      const errors: { field: string; messages: string[] }[] = [];
      const names = entity.names.map((n) => ({ ...n }));
      const onDate = formatIsoDate(entity.cycle!.referenceDate);
      const sentKeys = input.matches.map((m) => aliasKey(m.kind, m.publishedName));
      input.matches.forEach((m, i) => {
        const name = names.find((n) => n.key === sentKeys[i]);
        const candidate = (m.kind === 'ics' ? candidates.ics : candidates.organisations).find(
          (c) => c.odsCode === m.odsCode.trim().toUpperCase(),
        );
        const field = (part: string, message: string) =>
          errors.push({ field: `matches[${i}].${part}`, messages: [message] });
        if (!name) field('publishedName', `"${m.publishedName}" is not a name in this file`);
        else if (sentKeys.indexOf(name.key) !== i)
          field('publishedName', `"${m.publishedName}" is matched more than once`);
        else if (!candidate)
          field(
            'odsCode',
            `There is no ${m.kind === 'ics' ? 'ICB' : 'organisation'} ${m.odsCode} operating on ${onDate}, the cycle's reference date`,
          );
        else if (candidate.icsCode === null)
          field(
            'odsCode',
            `${candidate.odsCode} was in no ICS on ${onDate}, so its results could not be compared`,
          );
        else {
          Object.assign(name, {
            status: 'matched',
            reason: null,
            match: { odsCode: candidate.odsCode, name: candidate.name, method: 'confirmed' },
          });
        }
      });
      // Two names on one organisation (or ICB) in the same rows, one of them just confirmed: said
      // beside it, once for all the tables it clashes in. (A clash between names not sent stays
      // doubtful, so nothing is applied yet.)
      const clashes = new Map<string, string>();
      for (const conflict of errors.length > 0 ? [] : conflicts(entity.workbook, names)) {
        const later = sentKeys.indexOf(conflict.key);
        const earlier = sentKeys.indexOf(conflict.otherKey);
        if (later < 0 && earlier < 0) continue;
        clashes.set(
          `matches[${later >= 0 ? later : earlier}].odsCode`,
          `${conflict.odsCode} is already the match for ${later >= 0 ? conflict.other : conflict.name} in the same rows`,
        );
      }
      for (const [field, message] of clashes) errors.push({ field, messages: [message] });
      if (errors.length > 0) throw invalidFields(errors);
      for (const m of input.matches) {
        await manager.getRepository(PublishedNameAliasEntity).upsert(
          {
            kind: m.kind,
            publishedName: normaliseName(m.publishedName),
            odsCode: m.odsCode.trim().toUpperCase(),
            confirmedBy: actor.id,
            confirmedAt: new Date(),
          },
          ['kind', 'publishedName'],
        );
      }
      entity.names = names;
      await manager.getRepository(ResultImportEntity).update(id, { names });
      await this.record(manager, 'import.matches-confirmed', actor, entity, entity.cycle!, {
        matches: input.matches.map((m) => ({
          kind: m.kind,
          publishedName: m.publishedName,
          odsCode: m.odsCode,
        })),
      });
      if (names.every((n) => n.status === 'matched')) await this.apply(manager, entity, entity.cycle!, actor);
    });
    this.results.invalidate();
    return this.detail(id);
  }

  /** Replaces the cycle's published results with the import's rows. */
  private async apply(
    manager: EntityManager,
    entity: ResultImportEntity,
    cycle: CycleEntity,
    actor: Principal | null,
  ) {
    const code = new Map(entity.names.map((n) => [n.key, n.match?.odsCode]));
    const org = (name: string) => code.get(aliasKey('organisation', name))!;
    const ics = (name: string) => code.get(aliasKey('ics', name))!;
    const { workbook } = entity;
    const comparable = new Map(
      workbook.providerComparable.map((r) => [`${org(r.provider)}|${r.careSetting}`, r] as const),
    );
    const icbComparable = new Map(workbook.icbComparable.map((r) => [ics(r.ics), r] as const));
    const placed = new Map(
      (
        await manager.query<{ code: string; ics: string }[]>(
          `SELECT m.organisation_code AS code, m.ics_code AS ics FROM organisation_ics_membership m
           WHERE m.basis = 'assessment' AND ${VALID_ON('m')} AND m.organisation_code = ANY($2::text[])`,
          [cycle.referenceDate, [...new Set(workbook.providers.map((r) => org(r.provider)))]],
        )
      ).map((p) => [p.code, p.ics]),
    );
    const rows: PublishedScore[] = [
      // Compared in the ICS the hierarchy places it in for the cycle, as access is decided (confirming
      // refuses an organisation in no ICS; the matcher leaves such a name doubtful).
      ...workbook.providers
        .filter((r) => placed.has(org(r.provider)))
        .map((r) => {
          const c = comparable.get(`${org(r.provider)}|${r.careSetting}`);
          return {
            level: 'organisation' as const,
            organisationCode: org(r.provider),
            icsCode: placed.get(org(r.provider))!,
            careSetting: r.careSetting,
            measures: r.measures,
            comparableOverall: c?.current ?? null,
            previousComparableOverall: c?.previous ?? null,
          };
        }),
      ...workbook.icbs.map((r) => {
        const c = icbComparable.get(ics(r.ics));
        return {
          level: 'system' as const,
          organisationCode: null,
          icsCode: ics(r.ics),
          careSetting: null,
          measures: r.measures,
          comparableOverall: c?.current ?? null,
          previousComparableOverall: c?.previous ?? null,
        };
      }),
    ];
    await this.scores.replacePublished(manager, cycle.id, cycle.referenceDate, entity.id, rows);
    entity.state = 'applied';
    entity.appliedAt = new Date();
    await manager
      .getRepository(ResultImportEntity)
      .update(entity.id, { state: 'applied', appliedAt: entity.appliedAt });
    await this.record(manager, 'import.applied', actor, entity, cycle, { rows: rows.length });
  }

  private async match(workbook: ParsedWorkbook, referenceDate: string): Promise<NameMatch[]> {
    const names = new Map<string, NameToMatch>();
    const add = (kind: NameToMatch['kind'], publishedName: string, publishedIcs: string | null) => {
      const key = aliasKey(kind, publishedName);
      const found = names.get(key) ?? { kind, publishedName, publishedIcs, rows: 0 };
      found.rows += 1;
      names.set(key, found);
    };
    for (const r of [...workbook.providers, ...workbook.providerComparable])
      add('organisation', r.provider, r.ics);
    for (const r of [
      ...workbook.providers,
      ...workbook.providerComparable,
      ...workbook.icbs,
      ...workbook.icbComparable,
    ]) {
      add('ics', r.ics, null);
    }
    const aliases = await this.dataSource.getRepository(PublishedNameAliasEntity).find();
    return matchNames(
      [...names.values()],
      await this.candidates(this.dataSource.manager, referenceDate),
      new Map(aliases.map((a) => [`${a.kind}:${a.publishedName}`, a.odsCode])),
    );
  }

  /** Organisations operating (with their assessment ICS) and ICBs existing on the cycle's reference date. */
  private async candidates(
    manager: EntityManager,
    at: string,
  ): Promise<{ organisations: Candidate[]; ics: Candidate[] }> {
    const organisations = await manager.query<
      Array<{ ods_code: string; name: string; previous_names: string[]; ics_code: string | null }>
    >(
      `SELECT o.ods_code, o.name, o.previous_names, m.ics_code FROM organisation o
       LEFT JOIN organisation_ics_membership m
         ON m.organisation_code = o.ods_code AND m.basis = 'assessment' AND ${VALID_ON('m')}
       WHERE (o.opened_on IS NULL OR o.opened_on <= $1) AND (o.closed_on IS NULL OR o.closed_on >= $1)`,
      [at],
    );
    const ics = await manager.query<Array<{ ods_code: string; name: string }>>(
      `SELECT i.ods_code, i.name FROM ics i WHERE ${VALID_ON('i')}`,
      [at],
    );
    return {
      organisations: organisations.map((o) => ({
        odsCode: o.ods_code,
        name: o.name,
        previousNames: o.previous_names,
        icsCode: o.ics_code,
      })),
      ics: ics.map((i) => ({ odsCode: i.ods_code, name: i.name, previousNames: [], icsCode: i.ods_code })),
    };
  }

  private async load(manager: EntityManager, id: string, lock = false): Promise<ResultImportEntity> {
    const entity = await manager.getRepository(ResultImportEntity).findOne({
      where: { id },
      relations: { cycle: true },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const, tables: ['result_import'] } } : {}),
    });
    if (!entity) throw new NotFoundApiException('IMPORT_NOT_FOUND', 'There is no such import.');
    return entity;
  }

  private async summary(entity: ResultImportEntity): Promise<ImportSummary> {
    const [importer] = entity.importedBy
      ? await this.dataSource.query<{ email: string }[]>('SELECT email FROM app_user WHERE id = $1', [
          entity.importedBy,
        ])
      : [];
    return {
      id: entity.id,
      cycle: { id: entity.cycleId, name: entity.cycle?.name ?? '' },
      fileName: entity.fileName,
      sha256: entity.sha256,
      sourceTitle: entity.sourceTitle,
      publicationDate: entity.publicationDate,
      state: entity.state,
      providerRows: entity.workbook.providers.length,
      icbRows: entity.workbook.icbs.length,
      toReview: entity.names.filter((n) => n.status !== 'matched').length,
      importedAt: entity.importedAt.toISOString(),
      importedBy: importer?.email ?? null,
      appliedAt: entity.appliedAt?.toISOString() ?? null,
    };
  }

  private async toDetail(entity: ResultImportEntity): Promise<ImportDetail> {
    return {
      ...(await this.summary(entity)),
      sheets: entity.workbook.sheets,
      names: entity.names.map(({ key: _key, ...name }) => name),
    };
  }

  private record(
    manager: EntityManager,
    action: 'import.uploaded' | 'import.matches-confirmed' | 'import.applied',
    actor: Principal | null,
    entity: ResultImportEntity,
    cycle: CycleEntity,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        action,
        actor: actor ?? { id: null, email: 'system (first start)' },
        target: { type: 'import', id: entity.id, label: `${entity.fileName} → ${cycle.name}` },
        details,
      },
      manager,
    );
  }
}

/**
 * Rows that, once names are codes, would be the same organisation and care setting (or ICB) twice:
 * the later row's name (`key`) and the earlier one's (`otherKey`).
 */
function conflicts(
  workbook: ParsedWorkbook,
  names: readonly NameMatch[],
): Array<{ key: string; name: string; otherKey: string; other: string; odsCode: string }> {
  const code = new Map(names.map((n) => [n.key, n.match?.odsCode]));
  const nameOf = (key: string) => names.find((n) => n.key === key)!.publishedName;
  const found: Array<{ key: string; name: string; otherKey: string; other: string; odsCode: string }> = [];
  const check = (rows: Array<{ name: string; kind: 'organisation' | 'ics'; suffix: string }>) => {
    const seen = new Map<string, string>();
    for (const row of rows) {
      const key = aliasKey(row.kind, row.name);
      const odsCode = code.get(key);
      if (!odsCode) continue;
      const first = seen.get(`${odsCode}|${row.suffix}`);
      if (first !== undefined && first !== key) {
        found.push({ key, name: nameOf(key), otherKey: first, other: nameOf(first), odsCode });
      } else seen.set(`${odsCode}|${row.suffix}`, key);
    }
  };
  check(workbook.providers.map((r) => ({ name: r.provider, kind: 'organisation', suffix: r.careSetting })));
  check(
    workbook.providerComparable.map((r) => ({
      name: r.provider,
      kind: 'organisation',
      suffix: r.careSetting,
    })),
  );
  check(workbook.icbs.map((r) => ({ name: r.ics, kind: 'ics', suffix: '' })));
  check(workbook.icbComparable.map((r) => ({ name: r.ics, kind: 'ics', suffix: '' })));
  return found;
}

/** Names that would put two rows on one organisation (or ICB) are doubtful: an administrator decides. */
function markConflicts(workbook: ParsedWorkbook, names: NameMatch[]): NameMatch[] {
  const clashing = conflicts(workbook, names);
  return names.map((n) => {
    const clash = clashing.find((c) => c.key === n.key);
    return clash
      ? {
          ...n,
          status: 'doubtful' as const,
          reason: `${clash.odsCode} is also the match for ${clash.other} in the same rows.`,
        }
      : n;
  });
}

/** Holds the cycle's row until the transaction ends: imports into one cycle are applied one at a time. */
/** One import into a cycle at a time; a cycle retired meanwhile takes no results. */
async function lockCycle(manager: EntityManager, cycleId: string): Promise<void> {
  const [row] = await manager.query<{ name: string; retired: boolean }[]>(
    'SELECT name, retired_at IS NOT NULL AS retired FROM cycle WHERE id = $1 FOR UPDATE',
    [cycleId],
  );
  if (row?.retired) throw cycleRetired(row.name);
}
