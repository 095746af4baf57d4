import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../access/principal.js';
import type { CycleEntity } from '../cycles/cycle.entity.js';
import { AssessmentReturnEntity } from './entities/assessment-return.entity.js';
import { DomainAnswerEntity } from './entities/domain-answer.entity.js';
import { ReturnStore } from './return-store.js';
import { applicableDomains } from './return-view.js';
import { parseSnapshot, type SealedAnswer } from './seal-snapshot.js';

export interface CarriedForward {
  from: string;
  cycle: string;
  revision: number;
  answers: number;
  evidence: number;
}

/**
 * Starts a new return from the owner's last sealed return of an earlier cycle: each answer whose
 * domain has the same lineage in the new framework is copied (elements that still exist; "not
 * applicable" only where still allowed) with the evidence it cites, and marked to confirm.
 */
@Injectable()
export class CarryForwardService {
  constructor(private readonly store: ReturnStore) {}

  async apply(
    manager: EntityManager,
    ret: AssessmentReturnEntity,
    cycle: CycleEntity,
    actor: Principal,
  ): Promise<CarriedForward | null> {
    const [source] = await manager.query<
      { return_id: string; revision: number; snapshot: string; name: string }[]
    >(
      `SELECT s.return_id, s.revision, s.snapshot, c.name
       FROM return_seal s
       JOIN assessment_return r ON r.id = s.return_id
       JOIN cycle c ON c.id = r.cycle_id
       WHERE r.level = $1 AND r.organisation_code IS NOT DISTINCT FROM $2
         AND r.care_setting IS NOT DISTINCT FROM $3 AND r.ics_code IS NOT DISTINCT FROM $4
         AND c.reference_date < $5 AND c.retired_at IS NULL
       ORDER BY c.reference_date DESC, s.sealed_at DESC
       LIMIT 1`,
      [ret.level, ret.organisationCode, ret.careSetting, ret.icsCode, cycle.referenceDate],
    );
    if (!source) return null;
    const sealed = parseSnapshot(source.snapshot);
    if (!sealed) return null;
    const previous = await this.store.framework(
      { frameworkId: sealed.framework.frameworkId, frameworkVersion: sealed.framework.version },
      manager,
    );
    const lineageOf = new Map(previous.domains.map((d) => [d.id, d.lineage.id]));
    const byLineage = new Map(
      applicableDomains(await this.store.framework(ret, manager), ret.careSetting).map((d) => [
        d.lineage.id,
        d,
      ]),
    );
    const copies: { answer: SealedAnswer; domainId: string; elements: Set<string>; naAllowed: boolean }[] =
      [];
    for (const answer of sealed.answers) {
      const domain = byLineage.get(lineageOf.get(answer.domainId) ?? '');
      if (!domain) continue;
      const elements = new Set(domain.levels.flatMap((l) => l.elements.map((e) => e.id)));
      copies.push({ answer, domainId: domain.id, elements, naAllowed: domain.notApplicableAllowed });
    }
    const evidenceIds = new Map<string, string>();
    for (const oldId of new Set(copies.flatMap((c) => c.answer.evidenceIds))) {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO evidence (return_id, kind, title, url, file_name, media_type, size_bytes, sha256, content, added_by)
         SELECT $1, kind, title, url, file_name, media_type, size_bytes, sha256, content, $3
         FROM evidence WHERE id = $2 RETURNING id`,
        [ret.id, oldId, actor.id],
      );
      if (row) evidenceIds.set(oldId, row.id);
    }
    const answers = manager.getRepository(DomainAnswerEntity);
    for (const { answer, domainId, elements, naAllowed } of copies) {
      const notApplicable = answer.notApplicable && naAllowed;
      const met = notApplicable ? [] : answer.met.filter((id) => elements.has(id));
      await answers.insert({
        returnId: ret.id,
        domainId,
        met,
        notApplicable,
        // "None met" only where the sealed answer itself said so (seals before format /2: had nothing
        // met and was applicable): an answer whose ticks or "not applicable" no longer fit the new
        // framework stays unanswered.
        noneMet: answer.noneMet ?? (!answer.notApplicable && answer.met.length === 0),
        comment: answer.comment,
        confidence: answer.confidence,
        evidenceIds: answer.evidenceIds.map((id) => evidenceIds.get(id)).filter((id): id is string => !!id),
        version: 1,
        toConfirm: true,
        updatedBy: actor.id,
      });
    }
    await manager
      .getRepository(AssessmentReturnEntity)
      .update({ id: ret.id }, { carriedForwardFrom: source.return_id });
    return {
      from: source.return_id,
      cycle: source.name,
      revision: source.revision,
      answers: copies.length,
      evidence: evidenceIds.size,
    };
  }
}
