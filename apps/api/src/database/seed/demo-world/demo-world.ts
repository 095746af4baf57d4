import type { INestApplicationContext, Logger } from '@nestjs/common';
import type { CareSetting, ResultCycle } from '@wgll/contracts';
import { DataSource, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { Principal } from '../../../modules/access/principal.js';
import { AuditService } from '../../../modules/audit/audit.service.js';
import { CycleEntity } from '../../../modules/cycles/cycle.entity.js';
import { DemoMarkersRepository } from '../../../modules/demo/demo-markers.repository.js';
import { todayInLondon } from '../../../common/iso-date.js';
import { ResultsService } from '../../../modules/results/results.service.js';
import { GrantsRepository } from '../../../modules/users/grants.repository.js';
import { DEMO_ACCOUNTS, type DemoAccount, seedDemoAccounts } from '../demo-accounts.js';
import { type DemoState, type DemoSystem, type PlannedReturn, planDemoReturns } from './demo-plan.js';
import { accountsOf, demoTeams } from './demo-people.js';
import { DEMO_PLAN_TRUST } from './demo-improvement-plan.js';
import { seedDemoImprovementPlan } from './demo-plan-builder.js';
import { seedDemoTargets } from './demo-targets.js';
import { seedDemoPeerSharing } from './demo-peer-sharing.js';
import { ReturnBuilder, type Scores } from './demo-return-builder.js';

/** Bump when what the demo world holds changes: a data folder seeded with an older version is left alone. */
export const DEMO_WORLD_VERSION = 'v6';

/** The ICSs of the demo: South East London (the printed accounts' ICS) and North East London. */
export const DEMO_SYSTEMS = ['QKK', 'QMF'] as const;

/**
 * The printed accounts' trust (King's College Hospital): its returns are left for the person trying
 * the product to start. Guy's and St Thomas' (RJ1) is sealed like the others, so its results page
 * shows progress from the published 2025 results on first start.
 */
const RESERVED = ['RJZ'];

export type DemoWorldSummary =
  | { created: false; reason: string }
  | {
      created: true;
      cycle: string;
      people: number;
      returns: Record<DemoState, number>;
      ms: number;
    };

/**
 * The 2026/27 cycle under way across the demo ICSs: for every trust and care setting a return left in
 * some state (not started, drafts at various completions, sent back by the board, awaiting approval,
 * approved, sealed, one per ICS reopened and sealed again; most sealed, so the ICS lead's heatmap has
 * something in every care setting) and each ICB's own return sealed, answered by demo people through the
 * product's own services (same rules, scores, seals and audit as anyone's). Levels follow each
 * owner's published 2025 measure scores. Deterministic; runs once per data folder (a marker says so).
 */
export async function seedDemoWorld(
  app: INestApplicationContext,
  log: Logger,
  today = todayInLondon(),
): Promise<DemoWorldSummary> {
  const started = Date.now();
  const dataSource = app.get(DataSource);
  const markers = app.get(DemoMarkersRepository);
  if ((await markers.all('world')).size > 0) return { created: false, reason: 'already seeded' };
  const cycle = await dataSource.getRepository(CycleEntity).findOne({
    where: { opensOn: LessThanOrEqual(today), closesOn: MoreThanOrEqual(today), retiredAt: IsNull() },
    order: { opensOn: 'DESC' },
  });
  if (!cycle) return { created: false, reason: 'no cycle is open today' };
  const results = app.get(ResultsService);
  const resultCycle = await results.completionCycle(cycle.id);

  // Who is expected to return what: the ICS completion view, on the cycle's reference date.
  const systems: DemoSystem[] = [];
  const names = new Map<string, string>();
  for (const code of DEMO_SYSTEMS) {
    const completion = await results.icsCompletion(code, resultCycle).catch(() => null);
    if (!completion) continue;
    names.set(code, completion.ics.name);
    const trusts = new Map<string, { odsCode: string; name: string; careSettings: CareSetting[] }>();
    for (const row of completion.rows) {
      if (row.level !== 'organisation' || !row.careSetting) continue;
      names.set(row.odsCode, row.name);
      const trust = trusts.get(row.odsCode) ?? { odsCode: row.odsCode, name: row.name, careSettings: [] };
      trust.careSettings.push(row.careSetting);
      trusts.set(row.odsCode, trust);
    }
    systems.push({ icsCode: code, trusts: [...trusts.values()] });
  }
  const plan = planDemoReturns(systems, RESERVED);
  const owners = [...new Set(plan.filter((p) => p.state !== 'not-started').map((p) => p.ownerCode))];
  const teams = demoTeams(
    owners.map((code) => ({
      code,
      name: names.get(code) ?? code,
      level: plan.find((p) => p.ownerCode === code)!.level,
    })),
    DEMO_ACCOUNTS.map((a) => a.displayName),
  );
  const accounts = accountsOf(teams);
  await seedDemoAccounts(dataSource, app.get(AuditService), accounts);
  const principals = await principalsOf(app, [...DEMO_ACCOUNTS, ...accounts]);
  await markers.mark(
    'user',
    [...principals.values()].map((p) => p.id),
  );
  await markers.mark('cycle', [cycle.id]);
  log.log('Demo world: people ready', { people: accounts.length, returns: plan.length });

  const published = await publishedScores(results);
  const builder = new ReturnBuilder(app, cycle, today, principals);
  const counts: Record<DemoState, number> = {
    'not-started': 0,
    draft: 0,
    'sent-back': 0,
    'awaiting-approval': 0,
    approved: 0,
    submitted: 0,
    reopened: 0,
  };
  for (const [i, planned] of plan.entries()) {
    counts[planned.state] += 1;
    if (planned.state === 'not-started') continue;
    const team = teams.find((t) => t.ownerCode === planned.ownerCode)!;
    const scores = await published(planned);
    await builder.build(planned, team, scores);
    log.log('Demo world: return seeded', {
      progress: `${i + 1}/${plan.length}`,
      owner: planned.ownerCode,
      careSetting: planned.careSetting,
      state: planned.state,
    });
  }
  // Guy's and St Thomas' (sealed) has an improvement plan, approved by its board.
  const planTeam = teams.find((t) => t.ownerCode === DEMO_PLAN_TRUST);
  if (planTeam) {
    const plan = await seedDemoImprovementPlan(app, resultCycle, today, planTeam, principals);
    log.log('Demo world: improvement plan seeded', { owner: DEMO_PLAN_TRUST, ...plan });
  }
  // National targets (issue 19), set by the demo national administrator.
  const admin = principals.get('admin@demo.wgll.example');
  if (admin) log.log('Demo world: national targets seeded', { targets: await seedDemoTargets(app, admin) });
  // A few organisations chose to be named for peer learning.
  const named = await seedDemoPeerSharing(app, principals);
  log.log('Demo world: peer learning sharing seeded', { named });
  await markers.mark('world', [DEMO_WORLD_VERSION]);
  return {
    created: true,
    cycle: cycle.name,
    people: accounts.length,
    returns: counts,
    ms: Date.now() - started,
  };
}

/** Each account as the services see a signed-in person: id, name and roles. */
async function principalsOf(
  app: INestApplicationContext,
  accounts: DemoAccount[],
): Promise<Map<string, Principal>> {
  const rows = await app
    .get(DataSource)
    .query<{ id: string; email: string; display_name: string }[]>(
      'SELECT id, email, display_name FROM app_user WHERE email = ANY($1::text[])',
      [accounts.map((a) => a.email)],
    );
  const grants = await app.get(GrantsRepository).forUsers(rows.map((r) => r.id));
  return new Map(
    rows.map((r) => [
      r.email,
      {
        id: r.id,
        email: r.email,
        displayName: r.display_name,
        sessionId: 'demo-seed',
        method: 'password',
        grants: grants.get(r.id) ?? [],
      },
    ]),
  );
}

/**
 * The published measure scores of a return's owner in the newest published cycle (its care setting,
 * else any of its care settings); null when there are none (the national means are used).
 */
async function publishedScores(results: ResultsService): Promise<(p: PlannedReturn) => Promise<Scores>> {
  const cycles = await results.cycles();
  const source: ResultCycle | undefined = cycles.items.find((c) => c.source === 'published');
  return async (planned) => {
    if (!source) return null;
    try {
      if (planned.level === 'system') {
        return (await results.ics(planned.ownerCode, source)).system?.measures ?? null;
      }
      const own = await results.trust(planned.ownerCode, source, planned.careSetting ?? undefined);
      if (own.scores) return own.scores.measures;
      return (await results.trust(planned.ownerCode, source)).scores?.measures ?? null;
    } catch {
      return null;
    }
  };
}
