import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FrameworkVersion } from '@wgll/framework';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException, NotFoundApiException } from '../../common/api-exception.js';
import type { Located } from '../access/policy.service.js';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { CycleEntity } from '../cycles/cycle.entity.js';
import { CyclesService } from '../cycles/cycles.service.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { AssessmentReturnEntity } from './entities/assessment-return.entity.js';
import { ReturnApprovalEntity } from './entities/return-approval.entity.js';
import { ReturnSealEntity } from './entities/return-seal.entity.js';
import { parseSnapshot, type SealedReturn } from './seal-snapshot.js';

/** How many returns' places `locate` keeps (a few hundred bytes each); the oldest go first. */
const LOCATED_KEPT = 20_000;

export function returnNotFound(): ApiException {
  return new NotFoundApiException('RETURN_NOT_FOUND', 'There is no such return.');
}

export function sealed(): ApiException {
  return new ApiException(
    HttpStatus.CONFLICT,
    'RETURN_SEALED',
    'This return has been submitted and sealed, so it cannot change. A national administrator can reopen it.',
  );
}

export interface LoadedReturn {
  ret: AssessmentReturnEntity;
  cycle: CycleEntity;
}

export interface EditContext extends LoadedReturn {
  framework: FrameworkVersion;
}

/** What `recordEdit` needs of a return; it moves `state` (and `updatedAt`, when present). */
type EditedReturn = Pick<
  AssessmentReturnEntity,
  'id' | 'state' | 'revision' | 'organisationCode' | 'icsCode' | 'careSetting'
> & { updatedAt?: Date };

/** A short label for audit entries: "RJ1 acute 2026/27" or "QKK system 2026/27". */
export function returnLabel(
  ret: Pick<AssessmentReturnEntity, 'organisationCode' | 'icsCode' | 'careSetting'>,
  cycle: Pick<CycleEntity, 'name'>,
): string {
  return `${ret.organisationCode ?? ret.icsCode} ${ret.careSetting ?? 'system'} ${cycle.name}`;
}

/** Loading, locking and the rules every change to a return shares. */
@Injectable()
export class ReturnStore {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly frameworks: FrameworksService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Where returns are, as `locate` found them. A return's trust or ICB and its cycle never change, nor
   * does a cycle's reference date, so entries never go stale and every API process may keep its own.
   */
  private readonly located = new Map<string, Located>();

  /** Places a return for the access guard: its trust or ICB, on its cycle's reference date. */
  async locate(id: string): Promise<Located | null> {
    if (!isUUID(id)) return null;
    const known = this.located.get(id);
    if (known) return known;
    const [row] = await this.dataSource.query<
      { organisation_code: string | null; ics_code: string | null; reference_date: string }[]
    >(
      `SELECT r.organisation_code, r.ics_code, to_char(c.reference_date, 'YYYY-MM-DD') AS reference_date
       FROM assessment_return r JOIN cycle c ON c.id = r.cycle_id WHERE r.id = $1`,
      [id],
    );
    if (!row) return null;
    const located: Located = row.organisation_code
      ? { type: 'organisation', code: row.organisation_code, at: row.reference_date }
      : { type: 'ics', code: row.ics_code!, at: row.reference_date };
    if (this.located.size >= LOCATED_KEPT) this.located.delete(this.located.keys().next().value!);
    this.located.set(id, located);
    return located;
  }

  async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<LoadedReturn> {
    const ret = isUUID(id) ? await manager.getRepository(AssessmentReturnEntity).findOneBy({ id }) : null;
    if (!ret) throw returnNotFound();
    const cycle = await manager.getRepository(CycleEntity).findOneByOrFail({ id: ret.cycleId });
    return { ret, cycle };
  }

  /** A revision's seal as stored; null when that revision was never sealed. */
  findSeal(
    returnId: string,
    revision: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReturnSealEntity | null> {
    return manager.getRepository(ReturnSealEntity).findOneBy({ returnId, revision });
  }

  /** A return's sealed revision: 404 when there is no such return, or the revision was never sealed. */
  async seal(id: string, revision: number): Promise<ReturnSealEntity> {
    await this.load(id);
    const seal = await this.findSeal(id, revision);
    if (!seal)
      throw new NotFoundApiException('NOT_FOUND', `Revision ${revision} of this return has not been sealed.`);
    return seal;
  }

  /** A sealed revision with its copy read: 404 as `seal`, and when the copy cannot be read. */
  async sealedCopy(id: string, revision: number): Promise<{ seal: ReturnSealEntity; copy: SealedReturn }> {
    const seal = await this.seal(id, revision);
    const copy = parseSnapshot(seal.snapshot);
    if (!copy)
      throw new NotFoundApiException('NOT_FOUND', `The sealed copy of revision ${revision} cannot be read.`);
    return { seal, copy };
  }

  /** Locks the return row for the rest of the transaction: changes to one return are serialised. */
  async lock(manager: EntityManager, id: string): Promise<LoadedReturn> {
    const ret = isUUID(id)
      ? await manager
          .getRepository(AssessmentReturnEntity)
          .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!ret) throw returnNotFound();
    // Shared lock: a retirement of the cycle under way (it holds the row) finishes first, and is seen.
    const cycle = await manager
      .getRepository(CycleEntity)
      .findOneOrFail({ where: { id: ret.cycleId }, lock: { mode: 'pessimistic_read' } });
    return { ret, cycle };
  }

  /** The return's framework version; inside a transaction pass its manager (embedded mode has one connection). */
  framework(
    ref: Pick<AssessmentReturnEntity, 'frameworkId' | 'frameworkVersion'>,
    manager?: EntityManager,
  ): Promise<FrameworkVersion> {
    return this.frameworks.document(ref.frameworkId, ref.frameworkVersion, manager);
  }

  /**
   * Starts a change to a return's content (answers, evidence): locks the return, then refuses a
   * sealed return or a cycle that is not open. Call `recordEdit` once the change is known to happen.
   */
  async beginEdit(manager: EntityManager, id: string): Promise<EditContext> {
    const loaded = await this.lock(manager, id);
    if (loaded.ret.state === 'submitted') throw sealed();
    CyclesService.assertOpen(loaded.cycle);
    return { ...loaded, framework: await this.framework(loaded.ret, manager) };
  }

  /**
   * Marks the return changed. An approved return loses its board approvals, since the board approved
   * something else (recorded on each approval and in the audit log); it then awaits approval again.
   * Returns how many approvals were withdrawn.
   */
  async recordEdit(
    manager: EntityManager,
    context: { ret: EditedReturn; cycle: Pick<CycleEntity, 'name'> },
    actor: Principal,
    change: string,
  ): Promise<number> {
    const { ret, cycle } = context;
    let withdrawn = 0;
    if (ret.state === 'approved') {
      withdrawn = await this.withdrawApprovals(manager, ret, cycle, actor, change);
      ret.state = 'awaiting-approval';
    }
    ret.updatedAt = new Date();
    await manager
      .getRepository(AssessmentReturnEntity)
      .update({ id: ret.id }, { state: ret.state, updatedAt: ret.updatedAt });
    return withdrawn;
  }

  private async withdrawApprovals(
    manager: EntityManager,
    ret: EditedReturn,
    cycle: Pick<CycleEntity, 'name'>,
    actor: Principal,
    change: string,
  ): Promise<number> {
    const reason = `The return changed after approval (${change}).`;
    const result = await manager
      .createQueryBuilder()
      .update(ReturnApprovalEntity)
      .set({ withdrawnAt: () => 'now()', withdrawnReason: reason })
      .where('return_id = :id AND revision = :revision AND withdrawn_at IS NULL', {
        id: ret.id,
        revision: ret.revision,
      })
      .returning(['id'])
      .execute();
    const ids = (result.raw as { id: string }[]).map((r) => r.id);
    await this.audit.record(
      {
        action: 'return.approval-withdrawn',
        actor,
        target: { type: 'return', id: ret.id, label: returnLabel(ret, cycle) },
        details: { approvals: ids, reason, revision: ret.revision },
      },
      manager,
    );
    return ids.length;
  }
}
