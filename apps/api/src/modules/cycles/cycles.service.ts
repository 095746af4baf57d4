import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Cycle, CycleList, FieldError, FrameworkRef } from '@wgll/contracts';
import type { FrameworkLevel } from '@wgll/framework';
import { DataSource, In, IsNull, QueryFailedError } from 'typeorm';
import { ApiException, invalidFields, NotFoundApiException } from '../../common/api-exception.js';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { todayInLondon } from '../../common/iso-date.js';
import { CycleEntity } from './cycle.entity.js';
import { cycleStatus, toCycle } from './cycles.mapper.js';
import type { CreateCycleDto, UpdateCycleDto } from './dto/cycle.dto.js';
import { ResultsWriter } from '../result-store/results-writer.js';

export function cycleNotFound(): ApiException {
  return new NotFoundApiException('CYCLE_NOT_FOUND', 'There is no such assessment cycle.');
}

export function cycleRetired(name: string): ApiException {
  return new ApiException(
    HttpStatus.CONFLICT,
    'CYCLE_RETIRED',
    `The ${name} cycle has been retired; it can no longer change.`,
  );
}

/** Assessment rounds: created and dated by national administrators, read by everyone signed in. */
@Injectable()
export class CyclesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly frameworks: FrameworksService,
    private readonly audit: AuditService,
    private readonly results: ResultsWriter,
  ) {}

  private get cycles() {
    return this.dataSource.getRepository(CycleEntity);
  }

  /** Cycles newest first; retired ones only when asked for (the administrators' list). */
  async list(includeRetired = false): Promise<CycleList> {
    const [rows, titles] = await Promise.all([
      this.cycles.find({
        where: includeRetired ? {} : { retiredAt: IsNull() },
        order: { opensOn: 'DESC', name: 'DESC' },
      }),
      this.frameworks.titles(),
    ]);
    const today = todayInLondon();
    return { items: rows.map((r) => toCycle(r, today, titles)) };
  }

  /** The cycles with these ids, retired ones too (to name the cycles of some returns). */
  async byIds(ids: readonly string[]): Promise<Cycle[]> {
    if (ids.length === 0) return [];
    const [rows, titles] = await Promise.all([
      this.cycles.findBy({ id: In([...new Set(ids)]) }),
      this.frameworks.titles(),
    ]);
    const today = todayInLondon();
    return rows.map((r) => toCycle(r, today, titles));
  }

  /**
   * The cycles accepting returns on `date` (in England's calendar; by default today), not retired,
   * closing soonest first: what "open" means wherever work is looked for.
   */
  async openOn(date = todayInLondon()): Promise<Cycle[]> {
    const { items } = await this.list();
    return items
      .filter((c) => cycleStatus(c, date) === 'open')
      .sort((a, b) => a.closesOn.localeCompare(b.closesOn) || a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<Cycle> {
    return toCycle(await this.entity(id), todayInLondon(), await this.frameworks.titles());
  }

  async entity(id: string): Promise<CycleEntity> {
    const row = await this.cycles.findOneBy({ id });
    if (!row) throw cycleNotFound();
    return row;
  }

  async create(input: CreateCycleDto, actor: Principal): Promise<Cycle> {
    const errors = [
      ...(await this.checkFramework('organisationFramework', input.organisationFramework, 'organisation')),
      ...(await this.checkFramework('systemFramework', input.systemFramework, 'system')),
      ...checkDates(input.opensOn, input.closesOn),
    ];
    if (errors.length > 0)
      throw invalidFields(errors, 'There is a problem with the cycle: each is listed with its field.');
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const row = await manager.getRepository(CycleEntity).save(
          manager.getRepository(CycleEntity).create({
            name: input.name,
            organisationFrameworkId: input.organisationFramework.frameworkId,
            organisationFrameworkVersion: input.organisationFramework.version,
            systemFrameworkId: input.systemFramework.frameworkId,
            systemFrameworkVersion: input.systemFramework.version,
            opensOn: input.opensOn,
            closesOn: input.closesOn,
            referenceDate: input.referenceDate,
            createdBy: actor.id,
          }),
        );
        await this.audit.record(
          {
            action: 'cycle.created',
            actor,
            target: { type: 'cycle', id: row.id, label: row.name },
            details: { ...input },
          },
          manager,
        );
        return row;
      });
      return this.get(saved.id);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'CYCLE_EXISTS',
          `There is already a cycle called ${input.name}.`,
          [{ field: 'name', messages: [`There is already a cycle called ${input.name}`] }],
        );
      }
      throw error;
    }
  }

  async update(id: string, input: UpdateCycleDto, actor: Principal): Promise<Cycle> {
    // A closed cycle's framework versions may have been retired since: dates that open it again
    // would put them back in use. (Read before the transaction: embedded mode has one connection.)
    const current = await this.entity(id);
    const today = todayInLondon();
    if (current.closesOn < today && (input.closesOn ?? current.closesOn) >= today) {
      const errors = [
        ...(await this.checkFramework(
          'organisationFramework',
          { frameworkId: current.organisationFrameworkId, version: current.organisationFrameworkVersion },
          'organisation',
        )),
        ...(await this.checkFramework(
          'systemFramework',
          { frameworkId: current.systemFrameworkId, version: current.systemFrameworkVersion },
          'system',
        )),
      ];
      if (errors.length > 0)
        throw invalidFields(
          errors,
          'The cycle cannot open again: a framework version it uses has been retired.',
        );
    }
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(CycleEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw cycleNotFound();
      if (row.retiredAt) throw cycleRetired(row.name);
      const before = { opensOn: row.opensOn, closesOn: row.closesOn };
      const after = { opensOn: input.opensOn ?? row.opensOn, closesOn: input.closesOn ?? row.closesOn };
      const errors = checkDates(after.opensOn, after.closesOn);
      if (errors.length > 0)
        throw invalidFields(errors, 'There is a problem with the cycle: each is listed with its field.');
      await repo.update({ id }, after);
      await this.audit.record(
        {
          action: 'cycle.updated',
          actor,
          target: { type: 'cycle', id, label: row.name },
          details: { before, after },
        },
        manager,
      );
    });
    return this.get(id);
  }

  /**
   * Retires a cycle created by mistake: it leaves the lists of current cycles (and so every picker),
   * accepts no changes, and its sealed returns and results stay readable. Refused (409) while any of
   * its returns is in progress with answers in it (unsealed work would be stranded). Retiring it
   * again changes nothing.
   */
  async retire(id: string, actor: Principal): Promise<Cycle> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(CycleEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw cycleNotFound();
      if (row.retiredAt) return;
      const [{ n }] = await manager.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM assessment_return r
          WHERE r.cycle_id = $1 AND r.state <> 'submitted'
            AND EXISTS (SELECT 1 FROM domain_answer a WHERE a.return_id = r.id)`,
        [id],
      );
      if (n > 0) {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'CYCLE_IN_USE',
          `The ${row.name} cycle has ${n} return${n === 1 ? '' : 's'} in progress with answers. ` +
            'It can be retired once they are submitted, or when nobody is working in it.',
        );
      }
      await repo.update({ id }, { retiredAt: new Date(), retiredBy: actor.id });
      // Its results stop being the year before another cycle's.
      await this.results.cycleRetired(manager);
      await this.audit.record(
        { action: 'cycle.retired', actor, target: { type: 'cycle', id, label: row.name }, details: {} },
        manager,
      );
    });
    return this.get(id);
  }

  /** Refuses writes to a return unless its cycle is open today (and not retired). */
  static assertOpen(cycle: Pick<CycleEntity, 'name' | 'opensOn' | 'closesOn' | 'retiredAt'>): void {
    if (cycle.retiredAt) throw cycleRetired(cycle.name);
    const status = cycleStatus(cycle, todayInLondon());
    if (status !== 'open') {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'CYCLE_NOT_OPEN',
        status === 'upcoming'
          ? `The ${cycle.name} cycle opens on ${cycle.opensOn}; answers can be given from then.`
          : `The ${cycle.name} cycle closed on ${cycle.closesOn}; its returns can no longer change.`,
      );
    }
  }

  private async checkFramework(
    field: string,
    ref: FrameworkRef,
    level: FrameworkLevel,
  ): Promise<FieldError[]> {
    const found = await this.frameworks.find(ref.frameworkId, ref.version);
    const problem = !found
      ? `There is no version ${ref.version} of the framework ${ref.frameworkId}`
      : found.level !== level
        ? `${found.title} is a framework for ${found.level} returns, not ${level} returns`
        : found.retiredAt
          ? `${found.title} version ${ref.version} has been retired; choose another version`
          : found.status !== 'published'
            ? `${found.title} version ${ref.version} is ${found.status}; a cycle needs a published version`
            : null;
    return problem ? [{ field, messages: [problem] }] : [];
  }
}

function checkDates(opensOn: string, closesOn: string): FieldError[] {
  return opensOn > closesOn
    ? [{ field: 'closesOn', messages: ['The closing date must be on or after the opening date'] }]
    : [];
}
