import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportDetail, ImportSummary } from '@wgll/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFoundApiException } from '../../common/api-exception.js';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import type { CycleEntity } from '../cycles/cycle.entity.js';
import { cycleRetired } from '../cycles/cycles.service.js';
import { ResultImportEntity } from './entities/result-import.entity.js';

/** Imports as stored: loading, describing and auditing them, and taking a cycle's import lock. */
@Injectable()
export class ImportStore {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async load(manager: EntityManager, id: string, lock = false): Promise<ResultImportEntity> {
    const entity = await manager.getRepository(ResultImportEntity).findOne({
      where: { id },
      relations: { cycle: true },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const, tables: ['result_import'] } } : {}),
    });
    if (!entity) throw new NotFoundApiException('IMPORT_NOT_FOUND', 'There is no such import.');
    return entity;
  }

  async detail(id: string): Promise<ImportDetail> {
    return this.toDetail(await this.load(this.dataSource.manager, id));
  }

  async summary(entity: ResultImportEntity): Promise<ImportSummary> {
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

  record(
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
 * Holds the cycle's row until the transaction ends: imports into one cycle are applied one at a
 * time, and a cycle retired meanwhile takes no results.
 */
export async function lockCycle(manager: EntityManager, cycleId: string): Promise<void> {
  const [row] = await manager.query<{ name: string; retired: boolean }[]>(
    'SELECT name, retired_at IS NOT NULL AS retired FROM cycle WHERE id = $1 FOR UPDATE',
    [cycleId],
  );
  if (row?.retired) throw cycleRetired(row.name);
}

/** An import of the same cycle uploaded after this one has been applied: this one's rows are out of date. */
export async function supersededBy(manager: EntityManager, entity: ResultImportEntity): Promise<boolean> {
  const [newer] = await manager.query<unknown[]>(
    `SELECT 1 FROM result_import WHERE cycle_id = $1 AND state = 'applied'
       AND imported_at > (SELECT imported_at FROM result_import WHERE id = $2) LIMIT 1`,
    [entity.cycleId, entity.id],
  );
  return newer !== undefined;
}
