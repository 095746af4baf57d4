import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { ImportDetail, ImportList } from '@wgll/contracts';
import { ApiException, invalidFields } from '../../common/api-exception.js';
import type { Principal } from '../access/principal.js';
import { CycleEntity } from '../cycles/cycle.entity.js';
import { type ParsedWorkbook, readDmaWorkbook, WorkbookError } from './dma-workbook.js';
import { ResultImportEntity } from './entities/result-import.entity.js';
import { ImportApplyService } from './import-apply.service.js';
import { ImportMatchingService } from './import-matching.service.js';
import { inReviewOrder } from './import-matching.js';
import { ImportStore, lockCycle, supersededBy } from './import-store.js';

/**
 * Imports of NHS England's DMA data file: read, match names to ODS codes (ImportMatchingService),
 * let an administrator confirm what is doubtful, then store the rows as the cycle's published
 * results (ImportApplyService).
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly store: ImportStore,
    private readonly matching: ImportMatchingService,
    private readonly applier: ImportApplyService,
  ) {}

  async list(): Promise<ImportList> {
    const imports = await this.store.dataSource
      .getRepository(ResultImportEntity)
      .find({ relations: { cycle: true }, order: { importedAt: 'DESC' } });
    return { items: await Promise.all(imports.map((i) => this.store.summary(i))) };
  }

  detail(id: string): Promise<ImportDetail> {
    return this.store.detail(id);
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
    const { dataSource } = this.store;
    const sha256 = createHash('sha256').update(content).digest('hex');
    const cycle = await dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
    if (!cycle)
      throw invalidFields([{ field: 'cycleId', messages: ['Choose the cycle these results belong to'] }]);
    if (cycle.retiredAt)
      throw invalidFields([
        { field: 'cycleId', messages: [`The ${cycle.name} cycle has been retired; choose another cycle`] },
      ]);
    const existing = await dataSource.getRepository(ResultImportEntity).findOneBy({ cycleId, sha256 });
    if (existing) {
      if (existing.workbook.primaryCare === undefined) await this.readAgain(existing.id, content);
      return { created: false, detail: { ...(await this.detail(existing.id)), unchanged: true } };
    }

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
    const names = await this.matching.match(workbook, cycle.referenceDate);
    const outcome = await dataSource.transaction(async (manager) => {
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
      await this.store.record(manager, 'import.uploaded', actor, saved, cycle, {
        sha256,
        providerRows: workbook.providers.length,
        icbRows: workbook.icbs.length,
        toReview: names.filter((n) => n.status !== 'matched').length,
      });
      if (names.every((n) => n.status === 'matched')) await this.applier.apply(manager, saved, cycle, actor);
      return { id: saved.id, created: true };
    });
    if (!outcome.created)
      return { created: false, detail: { ...(await this.detail(outcome.id)), unchanged: true } };
    return { created: true, detail: await this.detail(outcome.id) };
  }

  /**
   * An import stored before the reader read the ICBs' primary care sheet, uploaded again (as the
   * shipped 2025 file is at every start): the same file, read again, adds that table; an applied
   * import that is still the cycle's latest is applied again, which adds the ICBs' primary care scores
   * (its other rows are the same). Left as it was when the sheet cannot be read, or when it names an
   * ICB that does not match and the import is already applied (it can no longer be reviewed).
   */
  private async readAgain(id: string, content: Buffer): Promise<void> {
    let workbook: ParsedWorkbook;
    try {
      workbook = await readDmaWorkbook(content);
    } catch (error) {
      if (error instanceof WorkbookError) return;
      throw error;
    }
    const { dataSource } = this.store;
    const stored = await this.store.load(dataSource.manager, id);
    const names = await this.matching.match(workbook, stored.cycle!.referenceDate);
    await dataSource.transaction(async (manager) => {
      await lockCycle(manager, stored.cycleId);
      const entity = await this.store.load(manager, id, true);
      if (entity.workbook.primaryCare !== undefined) return;
      // Names as matched before (an administrator may have confirmed some), counting the new rows too.
      const read = new Map(names.map((n) => [n.key, n]));
      const known = new Set(entity.names.map((n) => n.key));
      const added = names.filter((n) => !known.has(n.key));
      const applied = entity.state === 'applied';
      if (applied && added.some((n) => n.status !== 'matched')) return;
      entity.workbook = workbook;
      entity.names = inReviewOrder([
        ...entity.names.map((n) => ({ ...n, rows: read.get(n.key)?.rows ?? n.rows })),
        ...added,
      ]);
      await manager
        .getRepository(ResultImportEntity)
        .update(id, { workbook: entity.workbook, names: entity.names });
      if (applied && !(await supersededBy(manager, entity)))
        await this.applier.apply(manager, entity, entity.cycle!, null);
    });
  }
}
