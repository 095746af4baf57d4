import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type PrimaryCareScore, PrimaryCareScoresRepository } from './primary-care-scores.repository.js';
import {
  type PublishedScore,
  ResultScoresRepository,
  type SealedScoresInput,
} from './result-scores.repository.js';
import { ResultsChanges } from './results-changes.js';

export type { PublishedScore, SealedScoresInput };

/**
 * Every change to results goes through here, inside the caller's transaction: the rows are
 * written, and the change is announced so that every API process drops what it holds once the
 * transaction has committed (see ResultsChanges). Callers never clear a cache themselves.
 */
@Injectable()
export class ResultsWriter {
  constructor(
    private readonly scores: ResultScoresRepository,
    private readonly changes: ResultsChanges,
    private readonly primaryCare: PrimaryCareScoresRepository,
  ) {}

  /** A sealed return's scores (the sealing transaction's manager). */
  async recordSealed(manager: EntityManager, input: SealedScoresInput): Promise<void> {
    await this.scores.recordSealed(manager, input);
    await this.changes.announce(manager);
  }

  /**
   * Replaces a cycle's published results with an import's rows, and the ICBs' primary care survey
   * scores with the import's (none when the file has no primary care sheet), in the applying
   * transaction's manager.
   */
  async replacePublished(
    manager: EntityManager,
    cycle: { id: string; referenceDate: string },
    importId: string,
    rows: readonly PublishedScore[],
    primaryCare: readonly PrimaryCareScore[],
  ): Promise<void> {
    await this.scores.replacePublished(manager, cycle.id, cycle.referenceDate, importId, rows);
    await this.primaryCare.replace(manager, cycle.id, importId, primaryCare);
    await this.changes.announce(manager);
  }

  /** A cycle was retired: its results stop being the year before another cycle's. */
  async cycleRetired(manager: EntityManager): Promise<void> {
    await this.changes.announce(manager);
  }
}
