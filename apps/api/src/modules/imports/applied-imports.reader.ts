import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The import a cycle's published results come from: its latest applied import. */
export interface AppliedImport {
  cycleId: string;
  sourceTitle: string;
  fileName: string;
  publicationDate: string | null;
  appliedAt: Date;
  /** The year NHS England's comparable overall scores compare with (e.g. 2024 for 2024/25), if given. */
  previousComparableYear: number | null;
}

interface Row {
  cycle_id: string;
  source_title: string;
  file_name: string;
  publication_date: string | null;
  applied_at: Date;
  previous: number | null;
}

/** What other modules (results) read of imports: result_import stays ours. */
@Injectable()
export class AppliedImportsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each cycle's latest applied import, by cycle id. */
  async latestApplied(): Promise<Map<string, AppliedImport>> {
    return new Map((await this.read()).map((i) => [i.cycleId, i]));
  }

  /** The cycle's latest applied import, if any. */
  async latestAppliedTo(cycleId: string): Promise<AppliedImport | null> {
    return (await this.read(cycleId))[0] ?? null;
  }

  private async read(cycleId?: string): Promise<AppliedImport[]> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT DISTINCT ON (cycle_id) cycle_id, source_title, file_name, publication_date::text, applied_at,
              (workbook -> 'comparableYears' ->> 'previous')::int AS previous
       FROM result_import WHERE state = 'applied' ${cycleId ? 'AND cycle_id = $1' : ''}
       ORDER BY cycle_id, applied_at DESC`,
      cycleId ? [cycleId] : [],
    );
    return rows.map((r) => ({
      cycleId: r.cycle_id,
      sourceTitle: r.source_title,
      fileName: r.file_name,
      publicationDate: r.publication_date,
      appliedAt: r.applied_at,
      previousComparableYear: r.previous,
    }));
  }
}
