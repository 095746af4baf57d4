import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FrameworkRef, ReturnLevel, ReturnState } from '@wgll/contracts';
import type { CareSetting } from '@wgll/framework';
import type { DataSource } from 'typeorm';
import { AssessmentReturnEntity } from './entities/assessment-return.entity.js';
import { ReturnSealEntity } from './entities/return-seal.entity.js';
import type { SealedReturn } from './seal-snapshot.js';

/** A return's owner, state and revision in a cycle. */
export interface ReturnProgress {
  level: ReturnLevel;
  organisationCode: string | null;
  icsCode: string | null;
  careSetting: CareSetting | null;
  state: ReturnState;
  revision: number;
}

/** What other modules (results) read of returns and their seals: assessment tables stay ours. */
@Injectable()
export class AssessmentsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The sealed copy of a revision as stored; null when that revision was never sealed. */
  async sealedReturn(returnId: string, revision: number): Promise<SealedReturn | null> {
    const seal = await this.dataSource
      .getRepository(ReturnSealEntity)
      .findOne({ select: { snapshot: true }, where: { returnId, revision } });
    return seal ? (JSON.parse(seal.snapshot) as SealedReturn) : null;
  }

  /** The framework version each return of the cycle answers, by return id. */
  async frameworksIn(cycleId: string): Promise<Map<string, FrameworkRef>> {
    const rows = await this.dataSource.getRepository(AssessmentReturnEntity).find({
      select: { id: true, frameworkId: true, frameworkVersion: true },
      where: { cycleId },
    });
    return new Map(rows.map((r) => [r.id, { frameworkId: r.frameworkId, version: r.frameworkVersion }]));
  }

  /** Every return started in the cycle: whose, how far it got, and its revision. */
  async progressIn(cycleId: string): Promise<ReturnProgress[]> {
    const rows = await this.dataSource.getRepository(AssessmentReturnEntity).find({
      select: {
        level: true,
        organisationCode: true,
        icsCode: true,
        careSetting: true,
        state: true,
        revision: true,
      },
      where: { cycleId },
    });
    return rows.map((r) => ({
      level: r.level,
      organisationCode: r.organisationCode,
      icsCode: r.icsCode,
      careSetting: r.careSetting,
      state: r.state,
      revision: r.revision,
    }));
  }
}
