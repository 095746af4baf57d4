import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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
  ) {}

  /** A sealed return's scores (the sealing transaction's manager). */
  async recordSealed(manager: EntityManager, input: SealedScoresInput): Promise<void> {
    await this.scores.recordSealed(manager, input);
    await this.changes.announce(manager);
  }

  /** Replaces a cycle's published results with an import's rows (the applying transaction's manager). */
  async replacePublished(
    manager: EntityManager,
    cycle: { id: string; referenceDate: string },
    importId: string,
    rows: readonly PublishedScore[],
  ): Promise<void> {
    await this.scores.replacePublished(manager, cycle.id, cycle.referenceDate, importId, rows);
    await this.changes.announce(manager);
  }

  /** A cycle was retired: its results stop being the year before another cycle's. */
  async cycleRetired(manager: EntityManager): Promise<void> {
    await this.changes.announce(manager);
  }
}
