import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FrameworkRef, ReturnLevel, ReturnState } from '@wgll/contracts';
import type { CareSetting, FrameworkVersion } from '@wgll/framework';
import type { DomainAnswer } from '@wgll/scoring';
import { isUUID } from 'class-validator';
import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { AssessmentReturnEntity } from './entities/assessment-return.entity.js';
import { DomainAnswerEntity } from './entities/domain-answer.entity.js';
import { EvidenceEntity } from './entities/evidence.entity.js';
import { ReturnApprovalEntity } from './entities/return-approval.entity.js';
import { ReturnSealEntity } from './entities/return-seal.entity.js';
import { returnLabel, ReturnStore } from './return-store.js';
import type { AnswerFacts } from './return-view.js';
import { parseSnapshot, type SealedReturn } from './seal-snapshot.js';

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

/** A sealed organisation return with the framework version it answers and its answers as scoring reads them. */
export interface SealedAnswersReturn extends SealedOrganisationReturn {
  framework: FrameworkVersion;
  /** By domain id: not applicable, or the elements met. */
  answers: Map<string, DomainAnswer>;
}

/** A return as plans read it: whose, where in its workflow, its cycle, framework and answers. */
export interface ReturnForPlan {
  id: string;
  level: ReturnLevel;
  organisationCode: string | null;
  icsCode: string | null;
  careSetting: CareSetting | null;
  state: ReturnState;
  revision: number;
  /** For audit entries: "RJ1 acute 2026/27". */
  label: string;
  cycle: { id: string; name: string; referenceDate: string };
  framework: FrameworkVersion;
  answers: AnswerFacts[];
}

/** A return of the same owner and care setting in an earlier cycle. */
export interface EarlierReturn {
  returnId: string;
  cycleName: string;
  framework: FrameworkRef;
}

/** What other modules (results) read of returns and their seals: assessment tables stay ours. */
@Injectable()
export class AssessmentsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ReturnStore,
  ) {}

  /** Whose a return is and its cycle, for telling people about it; null when there is no such return. */
  async forNotice(
    returnId: string,
    manager: EntityManager,
  ): Promise<{
    id: string;
    level: ReturnLevel;
    organisationCode: string | null;
    icsCode: string | null;
    cycleName: string;
    referenceDate: string;
    label: string;
  } | null> {
    const found = isUUID(returnId) ? await this.store.load(returnId, manager).catch(() => null) : null;
    if (!found) return null;
    const { ret, cycle } = found;
    return {
      id: ret.id,
      level: ret.level,
      organisationCode: ret.organisationCode,
      icsCode: ret.icsCode,
      cycleName: cycle.name,
      referenceDate: cycle.referenceDate,
      label: returnLabel(ret, cycle),
    };
  }

  /** The name of a measure or the title of a domain of a return's framework, for telling people. */
  async workTitle(
    returnId: string,
    target: { domainId?: string | null; measure?: string | null },
    manager: EntityManager,
  ): Promise<string | null> {
    const found = await this.store.load(returnId, manager).catch(() => null);
    if (!found) return null;
    const framework = await this.store.framework(found.ret, manager);
    if (target.measure) return framework.measures.find((m) => m.id === target.measure)?.name ?? null;
    return framework.domains.find((d) => d.id === target.domainId)?.title ?? null;
  }

  /** A return with its cycle, framework and answers; null when there is no such return. */
  async forPlan(
    returnId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReturnForPlan | null> {
    if (!isUUID(returnId)) return null;
    const found = await this.store.load(returnId, manager).catch(() => null);
    if (!found) return null;
    const { ret, cycle } = found;
    // One after the other: inside a transaction they share its one connection.
    const framework = await this.store.framework(ret, manager);
    const answers = await manager.getRepository(DomainAnswerEntity).find({
      select: { domainId: true, met: true, notApplicable: true, noneMet: true, toConfirm: true },
      where: { returnId },
      order: { domainId: 'ASC' },
    });
    return {
      id: ret.id,
      level: ret.level,
      organisationCode: ret.organisationCode,
      icsCode: ret.icsCode,
      careSetting: ret.careSetting,
      state: ret.state,
      revision: ret.revision,
      label: returnLabel(ret, cycle),
      cycle: { id: cycle.id, name: cycle.name, referenceDate: cycle.referenceDate },
      framework,
      answers: answers.map((a) => ({
        domainId: a.domainId,
        met: a.met,
        notApplicable: a.notApplicable,
        noneMet: a.noneMet,
        toConfirm: a.toConfirm,
      })),
    };
  }

  /** Of `ids`, those that are evidence of the return and not removed. */
  async liveEvidence(
    returnId: string,
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const wanted = [...new Set(ids)].filter((id) => isUUID(id));
    if (wanted.length === 0) return new Set();
    const rows = await manager.getRepository(EvidenceEntity).find({
      select: { id: true },
      where: { returnId, id: In(wanted), removedAt: IsNull() },
    });
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The returns of the same owner (trust and care setting, or ICB) in earlier cycles (by reference
   * date, retired cycles left out), newest first.
   */
  async earlierReturns(
    ret: Pick<ReturnForPlan, 'level' | 'organisationCode' | 'icsCode' | 'careSetting' | 'cycle'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EarlierReturn[]> {
    const rows = await manager.query<
      { id: string; name: string; framework_id: string; framework_version: string }[]
    >(
      `SELECT r.id, c.name, r.framework_id, r.framework_version
       FROM assessment_return r JOIN cycle c ON c.id = r.cycle_id
       WHERE r.level = $1 AND r.organisation_code IS NOT DISTINCT FROM $2
         AND r.care_setting IS NOT DISTINCT FROM $3 AND r.ics_code IS NOT DISTINCT FROM $4
         AND c.reference_date < $5 AND c.retired_at IS NULL
       ORDER BY c.reference_date DESC, r.created_at DESC`,
      [ret.level, ret.organisationCode, ret.careSetting, ret.icsCode, ret.cycle.referenceDate],
    );
    return rows.map((r) => ({
      returnId: r.id,
      cycleName: r.name,
      framework: { frameworkId: r.framework_id, version: r.framework_version },
    }));
  }

  /** A framework version by its reference; inside a transaction pass its manager. */
  framework(ref: FrameworkRef, manager?: EntityManager): Promise<FrameworkVersion> {
    return this.store.framework({ frameworkId: ref.frameworkId, frameworkVersion: ref.version }, manager);
  }

  /** The sealed copy of a revision as stored; null when that revision was never sealed. */
  async sealedReturn(returnId: string, revision: number): Promise<SealedReturn | null> {
    const seal = isUUID(returnId) ? await this.store.findSeal(returnId, revision) : null;
    return seal ? parseSnapshot(seal.snapshot) : null;
  }

  /** The ids of the board's approvals a revision stands on (those not withdrawn: its seal's approvals). */
  async approvalIdsOf(returnId: string, revision: number): Promise<string[]> {
    if (!isUUID(returnId)) return [];
    const rows = await this.dataSource.getRepository(ReturnApprovalEntity).find({
      select: { id: true },
      where: { returnId, revision, withdrawnAt: IsNull() },
    });
    return rows.map((r) => r.id);
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
   * What happened to the cycle's returns since `since`: each seal (a return submitted) and each board
   * approval still standing, with whose return it is.
   */
  async changesSince(
    cycleId: string,
    since: Date,
  ): Promise<(Omit<ReturnProgress, 'state' | 'revision'> & { event: 'sealed' | 'approved' })[]> {
    const rows = await this.dataSource.query<
      {
        level: ReturnLevel;
        organisation_code: string | null;
        ics_code: string | null;
        care_setting: CareSetting | null;
        event: 'sealed' | 'approved';
      }[]
    >(
      `SELECT r.level, r.organisation_code, r.ics_code, r.care_setting, e.event
       FROM assessment_return r JOIN (
         SELECT return_id, 'sealed' AS event FROM return_seal WHERE sealed_at >= $2
         UNION ALL
         SELECT return_id, 'approved' AS event FROM return_approval WHERE approved_at >= $2 AND withdrawn_at IS NULL
       ) e ON e.return_id = r.id
       WHERE r.cycle_id = $1`,
      [cycleId, since],
    );
    return rows.map((r) => ({
      level: r.level,
      organisationCode: r.organisation_code,
      icsCode: r.ics_code,
      careSetting: r.care_setting,
      event: r.event,
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
      const sealed = snapshot ? parseSnapshot(snapshot) : null;
      if (!sealed || !r.organisationCode || !r.careSetting) return [];
      return [
        {
          returnId: r.id,
          organisationCode: r.organisationCode,
          careSetting: r.careSetting,
          revision: r.revision,
          sealed,
        },
      ];
    });
  }

  /**
   * As `sealedOrganisationReturnsIn`, each with the framework version its seal names (each version
   * read once) and its sealed answers keyed by domain, as the scoring functions take them.
   */
  async sealedAnswersIn(
    cycleId: string,
    organisationCodes: readonly string[],
  ): Promise<SealedAnswersReturn[]> {
    const sealed = await this.sealedOrganisationReturnsIn(cycleId, organisationCodes);
    const documents = new Map<string, Promise<FrameworkVersion>>();
    const out: SealedAnswersReturn[] = [];
    for (const r of sealed) {
      const ref = r.sealed.framework;
      const key = `${ref.frameworkId}@${ref.version}`;
      if (!documents.has(key))
        documents.set(key, this.framework({ frameworkId: ref.frameworkId, version: ref.version }));
      out.push({
        ...r,
        framework: await documents.get(key)!,
        answers: new Map<string, DomainAnswer>(
          r.sealed.answers.map((a) => [
            a.domainId,
            a.notApplicable ? { notApplicable: true } : { met: new Set(a.met) },
          ]),
        ),
      });
    }
    return out;
  }
}
