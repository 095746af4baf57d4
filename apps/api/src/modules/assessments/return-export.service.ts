import { Injectable } from '@nestjs/common';
import type { ReadableReturn } from '@wgll/contracts';
import { fileSlug } from '../../common/file-slug.js';
import type { Principal } from '../access/principal.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { readableReturn } from './readable-return.js';
import { ReturnStore } from './return-store.js';
import { returnWorkbook } from './return-workbook.js';
import { ReturnsService } from './returns.service.js';

export interface WorkbookFile {
  bytes: Buffer;
  fileName: string;
}

const XLSX = '.xlsx';

/**
 * Returns written out for reading: the live answers, or a sealed revision read from its canonical
 * copy (left exactly as it is; verification keeps hashing that copy), as JSON or as a workbook.
 */
@Injectable()
export class ReturnExportService {
  constructor(
    private readonly store: ReturnStore,
    private readonly returns: ReturnsService,
    private readonly frameworks: FrameworksService,
  ) {}

  /** The return as it is now: its current revision's answers, evidence and approvals. */
  async live(id: string, user: Principal): Promise<ReadableReturn> {
    const [detail, framework] = await Promise.all([
      this.returns.detail(id, user),
      this.returns.framework(id),
    ]);
    return readableReturn({
      returnId: detail.id,
      owner: detail.owner,
      level: detail.level,
      careSetting: detail.careSetting,
      cycle: { id: detail.cycle.id, name: detail.cycle.name },
      revision: detail.revision,
      state: detail.state,
      framework,
      seal: null,
      answers: detail.answers,
      evidence: detail.evidence,
      scores: detail.scores,
      approvals: detail.approvals
        .filter((a) => a.withdrawnAt === null)
        .map((a) => ({
          approver: a.approver.displayName,
          meetingDate: a.meetingDate,
          minuteReference: a.minuteReference,
          approvedAt: a.approvedAt,
        })),
      producedAt: new Date().toISOString(),
    });
  }

  /** A sealed revision, from its stored canonical copy and the framework version it names. */
  async sealed(id: string, revision: number): Promise<ReadableReturn> {
    const { seal, copy } = await this.store.sealedCopy(id, revision);
    const framework = await this.frameworks.get(
      copy.framework.frameworkId,
      copy.framework.version,
      copy.return.careSetting ?? undefined,
    );
    return readableReturn({
      returnId: id,
      owner: copy.return.owner,
      level: copy.return.level,
      careSetting: copy.return.careSetting,
      cycle: { id: copy.return.cycle.id, name: copy.return.cycle.name },
      revision: copy.return.revision,
      state: 'submitted',
      framework,
      seal: {
        revision,
        sha256: seal.sha256,
        sealedAt: seal.sealedAt.toISOString(),
        submittedBy: copy.submittedBy.displayName,
      },
      answers: copy.answers,
      evidence: copy.evidence,
      scores: copy.scores,
      approvals: copy.approvals.map((a) => ({
        approver: a.approver.displayName,
        meetingDate: a.meetingDate,
        minuteReference: a.minuteReference,
        approvedAt: a.approvedAt,
      })),
      producedAt: new Date().toISOString(),
    });
  }

  async liveWorkbook(id: string, user: Principal): Promise<WorkbookFile> {
    const readable = await this.live(id, user);
    return { bytes: await returnWorkbook(readable), fileName: `${fileSlug('return', readable)}${XLSX}` };
  }

  async sealedWorkbook(id: string, revision: number): Promise<WorkbookFile> {
    const readable = await this.sealed(id, revision);
    return {
      bytes: await returnWorkbook(readable),
      fileName: `${fileSlug('return', readable)}-revision-${revision}-sealed${XLSX}`,
    };
  }
}
