import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FieldError, NationalTarget, NationalTargetList } from '@wgll/contracts';
import type { FrameworkDomain, FrameworkVersion } from '@wgll/framework';
import { DataSource, IsNull } from 'typeorm';
import { ApiException, invalidFields, NotFoundApiException } from '../../common/api-exception.js';
import { orConflict, StaleVersion } from '../../common/stale-version.js';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import type { SaveTargetDto } from './dto/target.dto.js';
import { NationalTargetEntity } from './entities/national-target.entity.js';
import { toNationalTarget } from './targets.mapper.js';

export function targetNotFound(): ApiException {
  return new NotFoundApiException('TARGET_NOT_FOUND', 'There is no such national target.');
}

/** What a target reads, checked against the framework: the domain (and its lineage) and element exist. */
interface Resolved {
  lineageId: string | null;
  domain: FrameworkDomain | null;
}

/**
 * National targets (issue 19): defined by national administrators, read by everyone signed in (a
 * target is national policy, not an organisation's data). Changes are audited; a change names the
 * version it was made from (409 TARGET_CONFLICT when it has moved on).
 */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly frameworks: FrameworksService,
    private readonly audit: AuditService,
  ) {}

  private get targets() {
    return this.dataSource.getRepository(NationalTargetEntity);
  }

  async list(includeRetired = false): Promise<NationalTargetList> {
    const rows = await this.targets.find({
      where: includeRetired ? {} : { retiredAt: IsNull() },
      order: { dueDate: 'ASC', name: 'ASC' },
    });
    return { items: await this.viewAll(rows) };
  }

  /** The targets in force (not retired), as entities with their views, for the progress views. */
  async active(): Promise<NationalTarget[]> {
    return (await this.list(false)).items;
  }

  async get(id: string): Promise<NationalTarget> {
    return (await this.viewAll([await this.entity(id)]))[0]!;
  }

  private async entity(id: string): Promise<NationalTargetEntity> {
    const row = await this.targets.findOneBy({ id });
    if (!row) throw targetNotFound();
    return row;
  }

  async create(input: SaveTargetDto, actor: Principal): Promise<NationalTarget> {
    const { lineageId } = await this.check(input);
    const fields = normalise(input, lineageId);
    const saved = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(NationalTargetEntity);
      const row = await repo.save(
        repo.create({ ...fields, version: 1, createdBy: actor.id, updatedBy: actor.id }),
      );
      await this.audit.record(
        {
          action: 'target.created',
          actor,
          target: { type: 'target', id: row.id, label: row.name },
          details: { ...fields },
        },
        manager,
      );
      return row;
    });
    return this.get(saved.id);
  }

  async update(id: string, input: SaveTargetDto, actor: Principal): Promise<NationalTarget> {
    if (input.baseVersion === undefined) {
      throw invalidFields([{ field: 'baseVersion', messages: ['baseVersion must be the version you read'] }]);
    }
    await this.entity(id);
    const { lineageId } = await this.check(input);
    const fields = normalise(input, lineageId);
    // A stale change rolls back first; the 409 then carries the target as it is now (read outside the
    // transaction: inside it, another connection would be waited for, and embedded there is only one).
    const stale = async () =>
      new ApiException(
        HttpStatus.CONFLICT,
        'TARGET_CONFLICT',
        'Someone changed the target since you opened it. Check it and save again.',
        undefined,
        undefined,
        { current: await this.get(id) },
      );
    await orConflict(
      () =>
        this.dataSource.transaction(async (manager) => {
          const repo = manager.getRepository(NationalTargetEntity);
          const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
          if (!row) throw targetNotFound();
          if (row.retiredAt) {
            throw new ApiException(
              HttpStatus.CONFLICT,
              'TARGET_CONFLICT',
              `The target “${row.name}” has been retired; it can no longer change.`,
            );
          }
          if (row.version !== input.baseVersion) throw new StaleVersion();
          const before = pick(row);
          await repo.update(
            { id },
            { ...fields, version: row.version + 1, updatedAt: new Date(), updatedBy: actor.id },
          );
          await this.audit.record(
            {
              action: 'target.updated',
              actor,
              target: { type: 'target', id, label: fields.name },
              details: { before, after: fields },
            },
            manager,
          );
        }),
      stale,
    );
    return this.get(id);
  }

  /** Retires a target: it leaves the progress views and can no longer change. Retiring it again changes nothing. */
  async retire(id: string, actor: Principal): Promise<NationalTarget> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(NationalTargetEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw targetNotFound();
      if (row.retiredAt) return;
      await repo.update(
        { id },
        { retiredAt: new Date(), version: row.version + 1, updatedAt: new Date(), updatedBy: actor.id },
      );
      await this.audit.record(
        { action: 'target.retired', actor, target: { type: 'target', id, label: row.name }, details: {} },
        manager,
      );
    });
    return this.get(id);
  }

  /** Every organisation-level version of a framework, newest first. */
  async versionsOf(frameworkId: string): Promise<FrameworkVersion[]> {
    const summaries = (await this.frameworks.list()).items.filter(
      (v) => v.frameworkId === frameworkId && v.level === 'organisation' && v.status !== 'draft',
    );
    return Promise.all(summaries.map((s) => this.frameworks.document(s.frameworkId, s.version)));
  }

  /** The domain (newest version carrying it) and its lineage; 400 naming the field when not found. */
  private async check(input: SaveTargetDto): Promise<Resolved> {
    if (input.kind === 'measure') return { lineageId: null, domain: null };
    const errors: FieldError[] = [];
    const versions = await this.versionsOf(input.frameworkId!);
    if (versions.length === 0) {
      errors.push({
        field: 'frameworkId',
        messages: [`There is no published organisation framework ${input.frameworkId}`],
      });
      throw invalidFields(errors, 'There is a problem with the target: each is listed with its field.');
    }
    const domain = versions.flatMap((v) => v.domains).find((d) => d.id === input.domainId);
    if (!domain) {
      errors.push({
        field: 'domainId',
        messages: [`The framework ${input.frameworkId} has no domain ${input.domainId}`],
      });
    } else if (input.kind === 'element') {
      const withElement = versions
        .flatMap((v) => v.domains)
        .filter((d) => d.id === input.domainId)
        .some((d) => d.levels.some((l) => l.elements.some((e) => e.id === input.elementId)));
      if (!withElement) {
        errors.push({
          field: 'elementId',
          messages: [`The domain ${input.domainId} has no element ${input.elementId}`],
        });
      }
    }
    if (errors.length > 0) {
      throw invalidFields(errors, 'There is a problem with the target: each is listed with its field.');
    }
    return { lineageId: domain!.lineage.id, domain: domain! };
  }

  /** The targets as the API shows them: each framework's versions read once, however many targets use it. */
  private async viewAll(rows: NationalTargetEntity[]): Promise<NationalTarget[]> {
    const frameworkIds = [...new Set(rows.flatMap((r) => (r.frameworkId ? [r.frameworkId] : [])))];
    const versions = new Map(
      await Promise.all(frameworkIds.map(async (f) => [f, await this.versionsOf(f)] as const)),
    );
    return rows.map((r) => toNationalTarget(r, r.frameworkId ? versions.get(r.frameworkId)! : []));
  }
}

/** The fields a target is saved with (and its audit entry shows before and after). */
const TARGET_FIELDS = [
  'name',
  'description',
  'kind',
  'frameworkId',
  'domainId',
  'lineageId',
  'level',
  'elementId',
  'measure',
  'value',
  'careSettings',
  'percent',
  'dueDate',
] as const satisfies readonly (keyof NationalTargetEntity)[];

type TargetFields = Pick<NationalTargetEntity, (typeof TARGET_FIELDS)[number]>;

/** The fields of the target's kind; the others null. Care settings in the usual order, once each. */
function normalise(input: SaveTargetDto, lineageId: string | null): TargetFields {
  const order = ['acute', 'community', 'mental-health', 'ambulance'] as const;
  const onDomain = input.kind === 'domain' || input.kind === 'element';
  return {
    name: input.name,
    description: input.description,
    kind: input.kind,
    frameworkId: onDomain ? input.frameworkId : null,
    domainId: onDomain ? input.domainId : null,
    lineageId: onDomain ? lineageId : null,
    level: input.kind === 'domain' ? input.level : null,
    elementId: input.kind === 'element' ? input.elementId : null,
    measure: input.kind === 'measure' ? input.measure : null,
    value: input.kind === 'measure' ? input.value : null,
    careSettings: order.filter((c) => input.careSettings.includes(c)),
    percent: input.percent,
    dueDate: input.dueDate,
  };
}

function pick(row: NationalTargetEntity): TargetFields {
  return Object.fromEntries(TARGET_FIELDS.map((f) => [f, row[f]])) as TargetFields;
}
