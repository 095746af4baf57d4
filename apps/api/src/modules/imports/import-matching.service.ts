import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../access/principal.js';
import { HierarchyRepository } from '../organisations/hierarchy.repository.js';
import type { ParsedWorkbook } from './dma-workbook.js';
import { PublishedNameAliasEntity } from './entities/published-name-alias.entity.js';
import {
  type Candidates,
  type ConfirmedMatch,
  inReviewOrder,
  markConflicts,
  namesToMatch,
} from './import-matching.js';
import { matchNames, type NameMatch, normaliseName } from './name-matcher.js';

/**
 * Matching a file's names to ODS codes: against the hierarchy on the cycle's reference date and
 * the names administrators confirmed before (the rules themselves are pure: name-matcher.ts and
 * import-matching.ts).
 */
@Injectable()
export class ImportMatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hierarchy: HierarchyRepository,
  ) {}

  /** Every name of the file as matched, clashes doubtful, in the order an administrator reviews them. */
  async match(workbook: ParsedWorkbook, referenceDate: string): Promise<NameMatch[]> {
    const aliases = await this.dataSource.getRepository(PublishedNameAliasEntity).find();
    const names = matchNames(
      namesToMatch(workbook),
      await this.candidates(referenceDate),
      new Map(aliases.map((a) => [`${a.kind}:${a.publishedName}`, a.odsCode])),
    );
    return inReviewOrder(markConflicts(workbook, names));
  }

  /** Organisations operating (with their assessment ICS) and ICBs existing on the cycle's reference date. */
  async candidates(at: string, manager?: EntityManager): Promise<Candidates> {
    const organisations = await this.hierarchy.organisationsOperatingOn(at, manager);
    const ics = await this.hierarchy.icbsExistingOn(at, manager);
    return {
      organisations,
      ics: ics.map((i) => ({ odsCode: i.odsCode, name: i.name, previousNames: [], icsCode: i.odsCode })),
    };
  }

  /** Remembers confirmed matches, so the next file's same names match at once. */
  async remember(
    manager: EntityManager,
    matches: readonly ConfirmedMatch[],
    actor: Principal,
  ): Promise<void> {
    for (const m of matches) {
      await manager.getRepository(PublishedNameAliasEntity).upsert(
        {
          kind: m.kind,
          publishedName: normaliseName(m.publishedName),
          odsCode: m.odsCode.trim().toUpperCase(),
          confirmedBy: actor.id,
          confirmedAt: new Date(),
        },
        ['kind', 'publishedName'],
      );
    }
  }
}
