import { HttpStatus, Injectable } from '@nestjs/common';
import type { ImportDetail } from '@wgll/contracts';
import type { EntityManager } from 'typeorm';
import { ApiException, invalidFields } from '../../common/api-exception.js';
import { formatIsoDate } from '../../common/iso-date.js';
import type { Principal } from '../access/principal.js';
import type { CycleEntity } from '../cycles/cycle.entity.js';
import { HierarchyRepository } from '../organisations/hierarchy.repository.js';
import { ResultsWriter } from '../result-store/results-writer.js';
import type { ConfirmMatchesDto } from './dto/imports.dto.js';
import { ResultImportEntity } from './entities/result-import.entity.js';
import {
  confirmMatches,
  matchedOrganisationCodes,
  primaryCareRows,
  publishedRows,
} from './import-matching.js';
import { ImportMatchingService } from './import-matching.service.js';
import { ImportStore, lockCycle, supersededBy } from './import-store.js';

/** An administrator's confirmations of doubtful names, and applying an import as published results. */
@Injectable()
export class ImportApplyService {
  constructor(
    private readonly store: ImportStore,
    private readonly matching: ImportMatchingService,
    private readonly hierarchy: HierarchyRepository,
    private readonly results: ResultsWriter,
  ) {}

  /** Confirms matches for doubtful or unmatched names (all or none), remembers them, applies when none is left. */
  async confirm(id: string, input: ConfirmMatchesDto, actor: Principal): Promise<ImportDetail> {
    await this.store.dataSource.transaction(async (manager) => {
      const found = await this.store.load(manager, id);
      await lockCycle(manager, found.cycleId);
      const entity = await this.store.load(manager, id, true);
      if (entity.state === 'applied') {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'IMPORT_APPLIED',
          'This import has already been applied.',
        );
      }
      if (await supersededBy(manager, entity)) {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'IMPORT_SUPERSEDED',
          `A file uploaded after this one has since been applied to ${entity.cycle!.name}. Upload this file again to use it instead.`,
        );
      }
      const { names, errors } = confirmMatches(
        entity.workbook,
        entity.names,
        input.matches,
        await this.matching.candidates(entity.cycle!.referenceDate, manager),
        formatIsoDate(entity.cycle!.referenceDate),
      );
      if (errors.length > 0) throw invalidFields(errors);
      await this.matching.remember(manager, input.matches, actor);
      entity.names = names;
      await manager.getRepository(ResultImportEntity).update(id, { names });
      await this.store.record(manager, 'import.matches-confirmed', actor, entity, entity.cycle!, {
        matches: input.matches.map((m) => ({
          kind: m.kind,
          publishedName: m.publishedName,
          odsCode: m.odsCode,
        })),
      });
      if (names.every((n) => n.status === 'matched')) await this.apply(manager, entity, entity.cycle!, actor);
    });
    return this.store.detail(id);
  }

  /**
   * Replaces the cycle's published results with the import's rows (every name matched), in the
   * caller's transaction; the results views follow once it commits.
   */
  async apply(
    manager: EntityManager,
    entity: ResultImportEntity,
    cycle: CycleEntity,
    actor: Principal | null,
  ): Promise<void> {
    const placed = await this.hierarchy.assessmentIcsOn(
      matchedOrganisationCodes(entity.workbook, entity.names),
      cycle.referenceDate,
      manager,
    );
    const rows = publishedRows(entity.workbook, entity.names, placed);
    const primaryCare = primaryCareRows(entity.workbook, entity.names);
    await this.results.replacePublished(manager, cycle, entity.id, rows, primaryCare);
    entity.state = 'applied';
    entity.appliedAt = new Date();
    await manager
      .getRepository(ResultImportEntity)
      .update(entity.id, { state: 'applied', appliedAt: entity.appliedAt });
    await this.store.record(manager, 'import.applied', actor, entity, cycle, {
      rows: rows.length,
      primaryCareRows: primaryCare.length,
    });
  }
}
