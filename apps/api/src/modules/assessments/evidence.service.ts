import { createHash } from 'node:crypto';
import { HttpStatus, Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { Evidence, EvidenceRules } from '@wgll/contracts';
import { ApiException, NotFoundApiException } from '../../common/api-exception.js';
import type { Upload, UploadOptions } from '../../common/multipart-upload.js';
import { safeFileName } from '../../common/safe-file-name.js';
import { APP_CONFIG } from '../../app.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { IsNull } from 'typeorm';
import type { Principal } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import type { AddEvidenceLinkDto } from './dto/returns.dto.js';
import { EvidenceEntity } from './entities/evidence.entity.js';
import { extensionOf, recogniseFile } from './evidence-files.js';
import { PeopleRepository } from '../users/people.repository.js';
import { returnLabel, ReturnStore } from './return-store.js';
import { toEvidence } from './returns.mapper.js';

function evidenceNotFound(): ApiException {
  return new NotFoundApiException('NOT_FOUND', 'There is no such evidence in this return.');
}

/** Links and files supporting a return; any domain of the return may cite them. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly store: ReturnStore,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  rules(): EvidenceRules {
    return { maxFileBytes: this.config.evidence.maxFileBytes, extensions: this.config.evidence.extensions };
  }

  addLink(id: string, input: AddEvidenceLinkDto, actor: Principal): Promise<Evidence> {
    return this.add(id, actor, { kind: 'link', title: input.title, url: input.url });
  }

  /** How the controller reads an evidence upload (readUpload): a `title` field and one file. */
  uploadOptions(): UploadOptions {
    const { maxFileBytes } = this.config.evidence;
    return {
      maxFileBytes,
      fields: ['title'],
      tooLarge: (name) => tooLarge(safeFileName(name, 'The file'), maxFileBytes),
      missingFile: 'Choose a file to upload',
    };
  }

  /** Checks an uploaded file's type (by name and by content) and stores it with its `title`. */
  async addFile(id: string, { fields, file }: Upload, actor: Principal): Promise<Evidence> {
    const { extensions, maxFileBytes } = this.config.evidence;
    const fileName = safeFileName(file.fileName, 'evidence');
    // readUpload stops reading at the limit; callers that bring bytes of their own meet the same rule.
    if (file.content.length > maxFileBytes) throw tooLarge(fileName, maxFileBytes);
    const allowed = extensions.map((e) => e.toUpperCase()).join(', ');
    if (!extensions.includes(extensionOf(fileName))) throw wrongType(fileName, allowed);
    const content = file.content;
    const mediaType = recogniseFile(fileName, content, extensions);
    if (!mediaType) throw wrongType(fileName, allowed);
    const typed = fields['title']?.trim() ?? '';
    return this.add(id, actor, {
      kind: 'file',
      // By code points: cutting between the halves of a surrogate pair would leave text jsonb refuses.
      title: [...(typed || fileName)].slice(0, 300).join(''),
      fileName,
      mediaType,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    });
  }

  private add(id: string, actor: Principal, values: Partial<EvidenceEntity>): Promise<Evidence> {
    return this.store.dataSource.transaction(async (manager) => {
      const context = await this.store.beginEdit(manager, id);
      const repo = manager.getRepository(EvidenceEntity);
      const inserted = await repo.insert({ ...values, returnId: id, addedBy: actor.id });
      const evidenceId = (inserted.identifiers[0] as { id: string }).id;
      await this.store.recordEdit(manager, context, actor, `evidence added: ${values.title}`);
      await this.audit.record(
        {
          action: 'return.evidence-added',
          actor,
          target: { type: 'return', id, label: returnLabel(context.ret, context.cycle) },
          details: {
            evidenceId,
            kind: values.kind,
            title: values.title,
            url: values.url ?? null,
            fileName: values.fileName ?? null,
            sizeBytes: values.sizeBytes ?? null,
            sha256: values.sha256 ?? null,
          },
        },
        manager,
      );
      const saved = await repo.findOneByOrFail({ id: evidenceId });
      return toEvidence(saved, [], await this.people.byIds([actor.id], manager));
    });
  }

  /**
   * Removes evidence from the return and from every answer citing it (each answer's version moves
   * on). The stored row is kept, marked removed, so earlier seals that name it stay verifiable.
   */
  remove(id: string, evidenceId: string, actor: Principal): Promise<void> {
    return this.store.dataSource.transaction(async (manager) => {
      const context = await this.store.beginEdit(manager, id);
      const evidence = await manager
        .getRepository(EvidenceEntity)
        .findOneBy({ id: evidenceId, returnId: id, removedAt: IsNull() });
      if (!evidence) throw evidenceNotFound();
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [cited] = await manager.query<[{ domain_id: string }[], number]>(
        `UPDATE domain_answer SET evidence_ids = array_remove(evidence_ids, $2::uuid), version = version + 1,
           updated_by = $3, updated_at = now()
         WHERE return_id = $1 AND $2::uuid = ANY(evidence_ids) RETURNING domain_id`,
        [id, evidenceId, actor.id],
      );
      await manager.getRepository(EvidenceEntity).update({ id: evidenceId }, { removedAt: new Date() });
      await this.store.recordEdit(manager, context, actor, `evidence removed: ${evidence.title}`);
      await this.audit.record(
        {
          action: 'return.evidence-removed',
          actor,
          target: { type: 'return', id, label: returnLabel(context.ret, context.cycle) },
          details: {
            evidenceId,
            kind: evidence.kind,
            title: evidence.title,
            sha256: evidence.sha256,
            removedFromDomains: cited.map((c) => c.domain_id),
          },
        },
        manager,
      );
    });
  }

  async file(id: string, evidenceId: string): Promise<StreamableFile> {
    const evidence = await this.store.dataSource
      .getRepository(EvidenceEntity)
      .createQueryBuilder('e')
      .addSelect('e.content')
      .where('e.id = :evidenceId AND e.return_id = :id', { evidenceId, id })
      .getOne();
    if (!evidence?.content) throw evidenceNotFound();
    const name = evidence.fileName ?? 'evidence';
    return new StreamableFile(evidence.content, {
      type: evidence.mediaType ?? 'application/octet-stream',
      disposition: `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      length: evidence.content.length,
    });
  }
}

function tooLarge(fileName: string, max: number): ApiException {
  return new ApiException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'EVIDENCE_TOO_LARGE',
    `${fileName} is larger than ${Math.round(max / (1024 * 1024))} MB, the most a file may be.`,
    [{ field: 'file', messages: [`The file must be smaller than ${Math.round(max / (1024 * 1024))} MB`] }],
  );
}

function wrongType(fileName: string, allowed: string): ApiException {
  return new ApiException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'EVIDENCE_TYPE_NOT_ALLOWED',
    `${fileName} is not a file type that can be uploaded. The file must be a ${allowed}.`,
    [{ field: 'file', messages: [`The file must be a ${allowed}`] }],
  );
}
