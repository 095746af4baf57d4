import { Injectable } from '@nestjs/common';
import type { SealLiveComparison, SealVerification } from '@wgll/contracts';
import { type EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ResultScoresReader } from '../result-store/result-scores.reader.js';
import { DomainAnswerEntity } from './entities/domain-answer.entity.js';
import { EvidenceEntity } from './entities/evidence.entity.js';
import { ReturnApprovalEntity } from './entities/return-approval.entity.js';
import type { ReturnSealEntity } from './entities/return-seal.entity.js';
import { ReturnStore } from './return-store.js';
import { viewReturn } from './return-view.js';
import { compareLive, type LiveSeal, type SealCopyState, sealSummary } from './seal-diff.js';
import { buildSealedReturn, parseSnapshot, type SealedReturn, verifySeal } from './seal-snapshot.js';

/**
 * A seal check: the stored copy against its hash, and the live rows of the sealed revision against
 * the stored copy, rebuilt with the same builder as at sealing and compared part by part.
 */
@Injectable()
export class SealCheckService {
  constructor(
    private readonly store: ReturnStore,
    private readonly scores: ResultScoresReader,
    private readonly audit: AuditService,
  ) {}

  async check(seal: ReturnSealEntity): Promise<SealVerification> {
    const hash = verifySeal(seal.snapshot, seal.sha256);
    // A copy rewritten together with its stored hash still disagrees with the hash-chained audit log.
    const auditedSha256 = await this.audit.sealRecorded(seal.returnId, seal.revision);
    const copy: SealCopyState = !hash.verified
      ? 'changed'
      : auditedSha256 !== null && auditedSha256 !== seal.sha256
        ? 'replaced'
        : 'intact';
    const sealed = parseSnapshot(seal.snapshot);
    let live: SealLiveComparison | null = null;
    if (sealed) {
      try {
        live = compareLive(sealed, await this.live(seal.returnId, seal.revision, sealed));
      } catch (error) {
        // A stored copy changed into another shape cannot be compared; the hash already says so.
        if (copy === 'intact') throw error;
      }
    }
    return {
      revision: seal.revision,
      sha256: seal.sha256,
      computedSha256: hash.computedSha256,
      auditedSha256,
      verified: copy === 'intact',
      live: live ?? {
        matches: false,
        compared: [],
        differences: [],
        note: 'The stored copy no longer reads as a sealed return, so the live data could not be compared with it.',
      },
      summary: sealSummary(copy, live),
    };
  }

  /** The live rows of the sealed revision, as one consistent read. */
  private live(id: string, revision: number, sealed: SealedReturn): Promise<LiveSeal> {
    return this.store.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { ret, cycle } = await this.store.load(id, manager);
      const framework = await this.store.framework(ret, manager);
      // Answers are kept per return, not per revision: they are the sealed revision's only while it
      // is the return's current one. Evidence and approvals keep rows of every revision.
      const answersCompared = ret.revision === revision;
      const answers = answersCompared
        ? await manager
            .getRepository(DomainAnswerEntity)
            .find({ where: { returnId: id }, order: { domainId: 'ASC' } })
        : [];
      const sealedEvidenceIds = sealed.evidence.map((e) => e.id);
      const evidence = await manager.getRepository(EvidenceEntity).find({
        where: answersCompared
          ? { returnId: id, removedAt: IsNull() }
          : { returnId: id, id: In(sealedEvidenceIds.length > 0 ? sealedEvidenceIds : [id]) },
        order: { id: 'ASC' },
      });
      const approvals = await manager
        .getRepository(ReturnApprovalEntity)
        .find({ where: { returnId: id, revision, withdrawnAt: IsNull() }, order: { approvedAt: 'ASC' } });
      const sealedPeople = new Map(sealed.approvals.map((a) => [a.approver.id, a.approver]));
      const snapshot = buildSealedReturn(
        {
          return: {
            id,
            cycle: { id: cycle.id, name: cycle.name, referenceDate: cycle.referenceDate },
            level: ret.level,
            owner: ret.organisationCode
              ? { type: 'organisation', code: ret.organisationCode, name: '' }
              : { type: 'ics', code: ret.icsCode ?? '', name: '' },
            careSetting: ret.careSetting,
            revision,
          },
          framework,
          answers,
          evidence,
          scores: viewReturn(framework, ret.careSetting, answers).scores,
          approvals: approvals.map((a) => ({
            approver: sealedPeople.get(a.approverId) ?? { id: a.approverId, displayName: '', email: '' },
            meetingDate: a.meetingDate,
            minuteReference: a.minuteReference,
            approvedAt: a.approvedAt.toISOString(),
          })),
          submittedBy: sealed.submittedBy,
          submittedAt: sealed.submittedAt,
        },
        sealed.format,
      );
      return {
        snapshot,
        state: ret.state,
        revision: ret.revision,
        answersCompared,
        fileHashes: await this.fileHashes(manager, evidence),
        scores: await this.scores.sealedOf(manager, id, revision),
      };
    });
  }

  /** SHA-256 of each stored file's bytes, computed by the database (the bytes stay there). */
  private async fileHashes(
    manager: EntityManager,
    evidence: readonly EvidenceEntity[],
  ): Promise<Map<string, string | null>> {
    const ids = evidence.filter((e) => e.kind === 'file').map((e) => e.id);
    if (ids.length === 0) return new Map();
    const rows = await manager.query<{ id: string; sha256: string | null }[]>(
      `SELECT id, encode(sha256(content), 'hex') AS sha256 FROM evidence WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.sha256]));
  }
}
