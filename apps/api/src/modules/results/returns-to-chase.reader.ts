import { Injectable } from '@nestjs/common';
import type { RegionReturnsToChase, ReturnsToChase, WaitingForYou } from '@wgll/contracts';
import { ApiException } from '../../common/api-exception.js';
import { scopesOf } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import { CyclesService } from '../cycles/cycles.service.js';
import { ResultsService } from './results.service.js';

/** An ICS's or region's returns in one open cycle, for the weekly digest. */
export interface AreaProgress {
  code: string;
  name: string;
  cycle: { id: string; name: string; closesOn: string };
  expected: number;
  submitted: number;
  /** Since the date asked about. */
  sealedLately: number;
  approvedLately: number;
}

/**
 * Returns not yet submitted in the cycles open today: for ICS leads, each of their ICS's
 * organisations (and the ICB) still to submit; for regional viewers, how many per ICS of their
 * region. Read from the same completion views as the results pages.
 */
@Injectable()
export class ReturnsToChaseReader {
  constructor(
    private readonly cycles: CyclesService,
    private readonly results: ResultsService,
    private readonly assessments: AssessmentsReader,
  ) {}

  async forPerson(user: Principal): Promise<Pick<WaitingForYou, 'toChase' | 'regionsToChase'>> {
    const icsCodes = scopesOf(user.grants, ['ics-lead']);
    const regionCodes = scopesOf(user.grants, ['regional-viewer']);
    if (icsCodes.length === 0 && regionCodes.length === 0) return { toChase: [], regionsToChase: [] };
    const cycles = await this.cycles.openOn();
    const toChase: ReturnsToChase[] = [];
    const regionsToChase: RegionReturnsToChase[] = [];
    for (const cycle of cycles) {
      const about = { id: cycle.id, name: cycle.name, closesOn: cycle.closesOn };
      for (const code of icsCodes) {
        const completion = await this.skipMissing(this.results.icsCompletion(code, cycle));
        if (!completion) continue;
        const owners = new Map<string, ReturnsToChase['owners'][number]>();
        for (const row of completion.rows) {
          if (row.state === 'submitted') continue;
          const key = `${row.level}|${row.odsCode}`;
          const owner = owners.get(key) ?? {
            level: row.level,
            code: row.odsCode,
            name: row.name,
            returns: [],
          };
          owner.returns.push({ careSetting: row.careSetting, state: row.state });
          owners.set(key, owner);
        }
        if (owners.size === 0) continue;
        toChase.push({
          ics: { code: completion.ics.odsCode, name: completion.ics.name },
          cycle: about,
          owners: [...owners.values()].sort(
            (a, b) =>
              (a.level === 'system' ? -1 : 0) - (b.level === 'system' ? -1 : 0) ||
              a.name.localeCompare(b.name),
          ),
        });
      }
      for (const code of regionCodes) {
        const completion = await this.skipMissing(this.results.regionCompletion(code, cycle));
        if (!completion) continue;
        const ics = completion.groups
          .map((g) => ({
            code: g.code,
            name: g.name,
            expected: g.expected,
            notSubmitted: g.expected - g.counts.submitted,
          }))
          .filter((g) => g.notSubmitted > 0);
        if (ics.length === 0) continue;
        regionsToChase.push({
          region: { code: completion.region.odsCode, name: completion.region.name },
          cycle: about,
          ics,
        });
      }
    }
    return { toChase, regionsToChase };
  }

  /**
   * For the weekly digest: in each cycle open on `today`, how many of the area's expected returns are
   * submitted, and how many were submitted (sealed) and approved by a board since `since`. The area
   * is an ICS or a region; none when it did not exist on a cycle's reference date.
   */
  async progressOf(
    area: { ics: string } | { region: string },
    today: string,
    since: Date,
  ): Promise<AreaProgress[]> {
    const found: AreaProgress[] = [];
    const key = (level: string, code: string | null, careSetting: string | null) =>
      `${level}|${code}|${level === 'system' ? '' : careSetting}`;
    for (const cycle of await this.cycles.openOn(today)) {
      let about: { code: string; name: string } | null;
      let rows: { level: string; odsCode: string; careSetting: string | null; state: string }[];
      if ('ics' in area) {
        const completion = await this.skipMissing(this.results.icsCompletion(area.ics, cycle));
        about = completion && { code: completion.ics.odsCode, name: completion.ics.name };
        rows = completion?.rows ?? [];
      } else {
        const completion = await this.skipMissing(this.results.regionCompletion(area.region, cycle));
        about = completion && { code: completion.region.odsCode, name: completion.region.name };
        rows = completion ? await this.results.expectedReturns(cycle, area) : [];
      }
      if (!about) continue;
      const expected = new Set(rows.map((r) => key(r.level, r.odsCode, r.careSetting)));
      const changes = (await this.assessments.changesSince(cycle.id, since)).filter((c) =>
        expected.has(key(c.level, c.level === 'system' ? c.icsCode : c.organisationCode, c.careSetting)),
      );
      found.push({
        ...about,
        cycle: { id: cycle.id, name: cycle.name, closesOn: cycle.closesOn },
        expected: rows.length,
        submitted: rows.filter((r) => r.state === 'submitted').length,
        sealedLately: changes.filter((c) => c.event === 'sealed').length,
        approvedLately: changes.filter((c) => c.event === 'approved').length,
      });
    }
    return found;
  }

  /** An ICS or region that did not exist on the cycle's reference date has nothing to chase. */
  private async skipMissing<T>(view: Promise<T>): Promise<T | null> {
    try {
      return await view;
    } catch (error) {
      if (error instanceof ApiException && error.getStatus() === 404) return null;
      throw error;
    }
  }
}
