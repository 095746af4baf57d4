import type { INestApplicationContext, Logger } from '@nestjs/common';
import type { CareSetting, MeasureId, ResultCycle } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { DataSource, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { Principal } from '../../../modules/access/principal.js';
import { AnswersService } from '../../../modules/assessments/answers.service.js';
import { AssignmentsService } from '../../../modules/assessments/assignments.service.js';
import { EvidenceService } from '../../../modules/assessments/evidence.service.js';
import { applicableDomains } from '../../../modules/assessments/return-view.js';
import { ReturnsService } from '../../../modules/assessments/returns.service.js';
import { WorkflowService } from '../../../modules/assessments/workflow.service.js';
import { AuditService } from '../../../modules/audit/audit.service.js';
import { CycleEntity } from '../../../modules/cycles/cycle.entity.js';
import { DemoMarkersRepository } from '../../../modules/demo/demo-markers.repository.js';
import { FrameworksService } from '../../../modules/frameworks/frameworks.service.js';
import { todayInLondon } from '../../../modules/organisations/dated-period.js';
import { ResultsData } from '../../../modules/results/results-data.js';
import { ResultsService } from '../../../modules/results/results.service.js';
import { GrantsRepository } from '../../../modules/users/grants.repository.js';
import { DEMO_ACCOUNTS, type DemoAccount, seedDemoAccounts } from '../demo-accounts.js';
import { demoPdf, uploadOf } from './demo-files.js';
import { correctedLevel, demoAnswer, elementsForLevel } from './demo-levels.js';
import {
  type DemoState,
  type DemoSystem,
  meetingDate,
  type PlannedReturn,
  planDemoReturns,
} from './demo-plan.js';
import { accountsOf, type DemoTeam, demoTeams } from './demo-people.js';
import { hashOf } from './demo-random.js';

/** Bump when what the demo world holds changes: a data folder seeded with an older version is left alone. */
export const DEMO_WORLD_VERSION = 'v1';

/** The ICSs of the demo: South East London (the printed accounts' ICS) and North East London. */
export const DEMO_SYSTEMS = ['QKK', 'QMF'] as const;

/** The printed accounts' trust: its returns are left for the person trying the product to start. */
const RESERVED = ['RJ1'];

export type DemoWorldSummary =
  | { created: false; reason: string }
  | {
      created: true;
      cycle: string;
      people: number;
      returns: Record<DemoState, number>;
      ms: number;
    };

type Scores = Partial<Record<MeasureId, number | null>> | null;

/**
 * The 2026/27 cycle under way across the demo ICSs: for every trust and care setting a return left in
 * some state (not started, drafts at various completions, awaiting approval, approved, sealed, one
 * reopened and sealed again) and each ICB's own return sealed, answered by demo people through the
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
  await markers.mark('world', [DEMO_WORLD_VERSION]);
  app.get(ResultsData).invalidate();
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

/** Builds one return through the services a person's requests would go through. */
class ReturnBuilder {
  private readonly returns: ReturnsService;
  private readonly answers: AnswersService;
  private readonly assignments: AssignmentsService;
  private readonly evidence: EvidenceService;
  private readonly workflow: WorkflowService;
  private readonly frameworks: FrameworksService;
  private readonly markers: DemoMarkersRepository;
  private built = 0;

  constructor(
    app: INestApplicationContext,
    private readonly cycle: CycleEntity,
    private readonly today: string,
    private readonly people: Map<string, Principal>,
  ) {
    this.returns = app.get(ReturnsService);
    this.answers = app.get(AnswersService);
    this.assignments = app.get(AssignmentsService);
    this.evidence = app.get(EvidenceService);
    this.workflow = app.get(WorkflowService);
    this.frameworks = app.get(FrameworksService);
    this.markers = app.get(DemoMarkersRepository);
  }

  private as(account: DemoAccount): Principal {
    return this.people.get(account.email)!;
  }

  async build(planned: PlannedReturn, team: DemoTeam, scores: Scores): Promise<void> {
    const lead = this.as(team.lead);
    const key = `${planned.ownerCode}|${planned.careSetting ?? 'system'}`;
    const started =
      planned.level === 'system'
        ? await this.returns.createForIcs(planned.ownerCode, { cycleId: this.cycle.id }, lead)
        : await this.returns.createForOrganisation(
            planned.ownerCode,
            { cycleId: this.cycle.id, careSettings: [planned.careSetting!] },
            lead,
          );
    // Someone started it already: it is theirs, not the demo's.
    const created = started.created[0];
    if (!created) return;
    const id = created.id;
    await this.markers.mark('return', [id]);
    this.built += 1;
    const framework: FrameworkVersion = await this.frameworks.document(
      created.framework.frameworkId,
      created.framework.version,
    );
    const domains = applicableDomains(framework, planned.careSetting);

    // A measure given to each contributor (the second, the fifth…); the lead answers the rest.
    const owner = new Map<MeasureId, Principal>();
    const measures = framework.measures.filter((m) => domains.some((d) => d.measure === m.id));
    for (const [i, contributor] of team.contributors.entries()) {
      const measure = measures[1 + i * 3];
      if (!measure) continue;
      owner.set(measure.id, this.as(contributor));
      await this.assignments.assign(id, { measure: measure.id, userId: this.as(contributor).id }, lead);
    }

    const evidence = await this.addEvidence(id, planned, lead);
    const answered = domains.slice(0, Math.ceil(domains.length * planned.completion));
    const versions = new Map<string, number>();
    const cited = new Set<MeasureId>();
    for (const domain of answered) {
      const answer = demoAnswer(domain, scores?.[domain.measure] ?? null, key);
      // The first answer of each measure cites the evidence that covers it.
      const first = !answer.notApplicable && !cited.has(domain.measure);
      if (first) cited.add(domain.measure);
      const cites = first ? evidence.filter((e) => e.measures.includes(domain.measure)) : [];
      const saved = await this.answers.save(
        id,
        domain.id,
        {
          baseVersion: 0,
          met: answer.met,
          notApplicable: answer.notApplicable,
          comment: answer.comment,
          confidence: answer.confidence,
          evidenceIds: cites.slice(0, 2).map((e) => e.id),
        },
        owner.get(domain.measure) ?? lead,
      );
      versions.set(domain.id, saved.answer.version);
    }
    if (planned.state === 'draft') return;

    await this.workflow.ready(id, lead);
    if (planned.state === 'awaiting-approval') return;
    await this.approve(id, planned, team, key);
    if (planned.state === 'approved') return;
    await this.workflow.submit(id, lead);
    if (planned.state !== 'reopened') return;

    // Reopened by a national administrator, two answers corrected, approved and sealed again.
    const admin = this.people.get('admin@demo.wgll.example')!;
    await this.workflow.reopen(
      id,
      {
        reason:
          'Peer review found two answers that overstated or understated the evidence held; reopened so the trust can correct them.',
      },
      admin,
    );
    for (const domain of answered.filter((d) => versions.has(d.id)).slice(1, 3)) {
      const before = demoAnswer(domain, scores?.[domain.measure] ?? null, key);
      if (before.notApplicable || before.level === null) continue;
      const level = correctedLevel(before.level, `${key}|${domain.id}`);
      await this.answers.save(
        id,
        domain.id,
        {
          baseVersion: versions.get(domain.id)!,
          met: elementsForLevel(domain, level, `${key}|${domain.id}|fix`),
          notApplicable: false,
          comment: `${before.comment} Corrected after peer review in revision 2.`,
          confidence: 'high',
          evidenceIds: [],
        },
        lead,
      );
    }
    await this.workflow.ready(id, lead);
    await this.approve(id, planned, team, `${key}|revision-2`);
    await this.workflow.submit(id, lead);
  }

  private async approve(id: string, planned: PlannedReturn, team: DemoTeam, key: string) {
    const date = meetingDate(this.cycle.opensOn, this.today, key, hashOf);
    const board = planned.level === 'system' ? 'ICB board' : 'Trust board';
    await this.workflow.approve(
      id,
      {
        meetingDate: date,
        minuteReference: `${board} minute ${date.slice(0, 4)}/${String(10 + (hashOf(key) % 90)).padStart(3, '0')}`,
      },
      this.as(team.board),
    );
  }

  /** Two links every return cites, and for every third return a board paper as a file. */
  private async addEvidence(
    id: string,
    planned: PlannedReturn,
    lead: Principal,
  ): Promise<{ id: string; measures: MeasureId[] }[]> {
    const code = planned.ownerCode.toLowerCase();
    const site = `https://intranet.${code}.nhs.example`;
    const added: { id: string; measures: MeasureId[] }[] = [];
    const strategy = await this.evidence.addLink(
      id,
      {
        title: 'Digital and data strategy 2025 to 2028 (board paper)',
        url: `${site}/board/digital-strategy-2025`,
      },
      lead,
    );
    added.push({ id: strategy.id, measures: ['well-led', 'support-people', 'healthy-populations'] });
    const dspt = await this.evidence.addLink(
      id,
      {
        title: 'Data Security and Protection Toolkit submission 2025/26',
        url: `${site}/governance/dspt-2025-26`,
      },
      lead,
    );
    added.push({ id: dspt.id, measures: ['safe-practice', 'smart-foundations'] });
    if (this.built % 3 === 1) {
      const file = await this.evidence.addFile(
        id,
        uploadOf(
          'Board digital update, September',
          `board-digital-update-${code}.pdf`,
          demoPdf('Board digital update (demonstration data)', [
            `Organisation: ${planned.ownerCode}`,
            'EPR roll-out, virtual wards, patient portal and cyber resilience: progress and risks.',
            'Generated for the WGLL demo; not a real board paper.',
          ]),
        ),
        lead,
      );
      added.push({ id: file.id, measures: ['improve-care', 'empower-citizens'] });
    }
    return added;
  }
}
