import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FrameworkRef, ReturnLevel, ReturnState } from '@wgll/contracts';
import type { CareSetting } from '@wgll/framework';
import { type DataSource, In } from 'typeorm';
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

/** A submitted organisation return with the sealed copy of its current revision. */
export interface SealedOrganisationReturn {
  returnId: string;
  organisationCode: string;
  careSetting: CareSetting;
  revision: number;
  sealed: SealedReturn;
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

  /**
   * The organisation returns of the cycle that are submitted (sealed), of these organisations, each
   * with the sealed copy of its current revision. Drafts, returns awaiting approval and reopened
   * returns are left out.
   */
  async sealedOrganisationReturnsIn(
    cycleId: string,
    organisationCodes: readonly string[],
  ): Promise<SealedOrganisationReturn[]> {
    if (organisationCodes.length === 0) return [];
    const returns = await this.dataSource.getRepository(AssessmentReturnEntity).find({
      select: { id: true, organisationCode: true, careSetting: true, revision: true },
      where: {
        cycleId,
        level: 'organisation',
        state: 'submitted',
        organisationCode: In([...new Set(organisationCodes)]),
      },
    });
    if (returns.length === 0) return [];
    const seals = await this.dataSource.getRepository(ReturnSealEntity).find({
      select: { returnId: true, revision: true, snapshot: true },
      where: returns.map((r) => ({ returnId: r.id, revision: r.revision })),
    });
    const snapshots = new Map(seals.map((s) => [`${s.returnId}|${s.revision}`, s.snapshot]));
    return returns.flatMap((r) => {
      const snapshot = snapshots.get(`${r.id}|${r.revision}`);
      if (!snapshot || !r.organisationCode || !r.careSetting) return [];
      return [
        {
          returnId: r.id,
          organisationCode: r.organisationCode,
          careSetting: r.careSetting,
          revision: r.revision,
          sealed: JSON.parse(snapshot) as SealedReturn,
        },
      ];
    });
  }
}
