import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FieldError,
  FrameworkUploadResult,
  FrameworkVersionList,
  FrameworkVersionSummary,
} from '@wgll/contracts';
import {
  appliesTo,
  type CareSetting,
  type FrameworkProblem,
  type FrameworkVersion,
  validateFramework,
  validateLineageChain,
} from '@wgll/framework';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { ApiException, NotFoundApiException } from '../../common/api-exception.js';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { CycleEntity } from '../cycles/cycle.entity.js';
import { todayInLondon } from '../../common/iso-date.js';
import { canonicalJson, sha256Hex } from '../../common/canonical-json.js';
import { readBundledFrameworks } from './bundled-frameworks.js';
import { FrameworkVersionEntity } from './entities/framework-version.entity.js';

/** A 400 listing every problem of an uploaded framework, grouped by where it is. */
function invalidFramework(problems: FrameworkProblem[]): ApiException {
  const byPath = new Map<string, string[]>();
  for (const p of problems)
    byPath.set(p.path || '(document)', [...(byPath.get(p.path || '(document)') ?? []), p.message]);
  const errors: FieldError[] = [...byPath].map(([field, messages]) => ({ field, messages }));
  return new ApiException(
    HttpStatus.BAD_REQUEST,
    'FRAMEWORK_INVALID',
    `The framework has ${problems.length} problem${problems.length === 1 ? '' : 's'}; each is listed with where it is.`,
    errors,
  );
}

function toSummary(e: FrameworkVersionEntity): FrameworkVersionSummary {
  return {
    frameworkId: e.frameworkId,
    version: e.version,
    title: e.title,
    level: e.level,
    status: e.status,
    publishedOn: e.publishedOn,
    domainCount: e.document.domains.length,
    source: e.source,
    retiredAt: e.retiredAt?.toISOString() ?? null,
  };
}

@Injectable()
export class FrameworksService {
  private readonly logger = new Logger('FrameworksService');
  /** Published versions never change, so their documents are kept once read. */
  private readonly published = new Map<string, FrameworkVersion>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private get versions() {
    return this.dataSource.getRepository(FrameworkVersionEntity);
  }

  async list(): Promise<FrameworkVersionList> {
    const rows = await this.versions.find({ order: { frameworkId: 'ASC', version: 'DESC' } });
    return { items: rows.map(toSummary) };
  }

  async get(frameworkId: string, version: string, careSetting?: CareSetting): Promise<FrameworkVersion> {
    const document = await this.document(frameworkId, version);
    if (!careSetting || document.level === 'system') return document;
    return { ...document, domains: document.domains.filter((d) => appliesTo(d, careSetting)) };
  }

  /** A stored version's summary, or null. */
  async find(frameworkId: string, version: string): Promise<FrameworkVersionSummary | null> {
    const row = await this.versions.findOneBy({ frameworkId, version });
    return row ? toSummary(row) : null;
  }

  /** The whole document of a version (all care settings), from memory once published. */
  async document(frameworkId: string, version: string, manager?: EntityManager): Promise<FrameworkVersion> {
    const key = `${frameworkId}@${version}`;
    const cached = this.published.get(key);
    if (cached) return cached;
    // Inside a transaction, read through it: the embedded database has a single connection.
    const row = await (manager ?? this.dataSource.manager)
      .getRepository(FrameworkVersionEntity)
      .findOneBy({ frameworkId, version });
    if (!row) {
      throw new NotFoundApiException(
        'FRAMEWORK_VERSION_NOT_FOUND',
        `There is no version ${version} of the framework ${frameworkId}.`,
      );
    }
    const document = row.document;
    if (document.status !== 'draft') this.published.set(key, document);
    return document;
  }

  /**
   * Retires a version (uploaded by mistake, or superseded): it stays readable, and the cycles and
   * returns that use it keep it, but it can no longer be chosen for a new cycle. Refused (409) while
   * a cycle that is not retired and not yet closed uses it. Retiring it again changes nothing.
   */
  async retire(frameworkId: string, version: string, actor: Principal): Promise<FrameworkVersionSummary> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(FrameworkVersionEntity);
      const row = await repo.findOne({
        where: { frameworkId, version },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) {
        throw new NotFoundApiException(
          'FRAMEWORK_VERSION_NOT_FOUND',
          `There is no version ${version} of the framework ${frameworkId}.`,
        );
      }
      if (row.retiredAt) return toSummary(row);
      const inUse = await manager
        .getRepository(CycleEntity)
        .createQueryBuilder('cycle')
        .where('cycle.retiredAt IS NULL AND cycle.closesOn >= :today', { today: todayInLondon() })
        .andWhere(
          '((cycle.organisationFrameworkId = :id AND cycle.organisationFrameworkVersion = :version) OR ' +
            '(cycle.systemFrameworkId = :id AND cycle.systemFrameworkVersion = :version))',
          { id: frameworkId, version },
        )
        .orderBy('cycle.opensOn')
        .getMany();
      if (inUse.length > 0) {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'FRAMEWORK_VERSION_IN_USE',
          `${row.title} version ${version} is used by the ${inUse.map((c) => c.name).join(', ')} cycle` +
            `${inUse.length === 1 ? '' : 's'}, which ${inUse.length === 1 ? 'has' : 'have'} not closed. ` +
            'Retire the cycle first, or wait until it closes.',
        );
      }
      row.retiredAt = new Date();
      row.retiredBy = actor.id;
      await repo.update({ frameworkId, version }, { retiredAt: row.retiredAt, retiredBy: actor.id });
      await this.audit.record(
        {
          action: 'framework.retired',
          actor,
          target: { type: 'framework-version', id: `${frameworkId}@${version}`, label: row.title },
          details: { status: row.status },
        },
        manager,
      );
      return toSummary(row);
    });
  }

  /** Titles of stored versions, keyed `frameworkId@version`. */
  async titles(): Promise<Map<string, string>> {
    const rows = await this.versions.find({ select: { frameworkId: true, version: true, title: true } });
    return new Map(rows.map((r) => [`${r.frameworkId}@${r.version}`, r.title]));
  }

  /**
   * Stores a framework version after validating it. An identical version already stored is left as
   * it is; a different one replaces it only while it is a draft: published versions never change.
   */
  async upload(input: unknown, source: 'bundled' | 'uploaded'): Promise<FrameworkUploadResult> {
    const result = validateFramework(input);
    if (!result.ok) throw invalidFramework(result.problems);
    const document = result.framework;
    const lineageProblems = await this.lineageProblems(document);
    if (lineageProblems.length > 0) throw invalidFramework(lineageProblems);
    const sha256 = sha256Hex(canonicalJson(document));
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(FrameworkVersionEntity);
        const key = { frameworkId: document.frameworkId, version: document.version };
        const existing = await repo.findOne({ where: key, lock: { mode: 'pessimistic_write' } });
        if (existing?.sha256 === sha256) return { created: false, version: toSummary(existing) };
        if (existing && existing.status !== 'draft') {
          throw new ApiException(
            HttpStatus.CONFLICT,
            'FRAMEWORK_VERSION_PUBLISHED',
            `Version ${document.version} of ${document.frameworkId} is ${existing.status} and cannot change. Give the new content a new version.`,
          );
        }
        const row = repo.create({
          ...key,
          title: document.title,
          level: document.level,
          status: document.status,
          publishedOn: document.publishedOn,
          document,
          sha256,
          source,
        });
        const saved = await repo.save(row);
        return { created: true, version: toSummary(saved) };
      });
    } catch (error) {
      // Two uploads of the same new version at once: the second finds the key taken.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'FRAMEWORK_VERSION_PUBLISHED',
          `Version ${document.version} of ${document.frameworkId} was stored by another request at the same time.`,
        );
      }
      throw error;
    }
  }

  /**
   * A version that follows another is checked against the chain of versions before it (each stored
   * version names the one it follows): the previous version must be loaded first.
   */
  private async lineageProblems(document: FrameworkVersion): Promise<FrameworkProblem[]> {
    const chain = [document];
    for (let link = document.previousVersion; link; link = chain[0]!.previousVersion) {
      const row = await this.versions.findOneBy({ frameworkId: document.frameworkId, version: link.version });
      if (!row) {
        return [
          {
            path: 'previousVersion.version',
            message: `version ${link.version} of ${document.frameworkId} is not loaded: load it first`,
          },
        ];
      }
      if (chain.some((v) => v.version === row.version)) {
        return [
          {
            path: 'previousVersion.version',
            message: `the versions before ${document.version} go round in a circle`,
          },
        ];
      }
      chain.unshift(row.document);
    }
    return chain.length > 1 ? validateLineageChain(chain) : [];
  }

  /** Loads the bundled question bank; a bundled version that fails validation or changed after publication stops the start. */
  async loadBundled(): Promise<FrameworkUploadResult[]> {
    const results: FrameworkUploadResult[] = [];
    for (const { file, document } of readBundledFrameworks()) {
      try {
        const result = await this.upload(document, 'bundled');
        results.push(result);
        const { created, version } = result;
        this.logger.log('Bundled framework', {
          file,
          created,
          frameworkId: version.frameworkId,
          version: version.version,
        });
      } catch (error) {
        const detail =
          error instanceof ApiException
            ? `${error.message} ${JSON.stringify(error.errors ?? [])}`
            : String(error);
        throw new Error(`The bundled framework ${file} cannot be loaded: ${detail}`);
      }
    }
    return results;
  }
}
