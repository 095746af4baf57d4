import { randomUUID } from 'node:crypto';
import type {
  Cycle,
  CreateReturnsResult,
  ReturnDetail,
  SaveAnswerRequest,
  SaveAnswerResult,
} from '@wgll/contracts';
import type { FrameworkDomain, FrameworkVersion } from '@wgll/framework';
import { syntheticDomain } from '@wgll/framework/testing';
import { MEASURE_IDS } from '@wgll/framework';
import { type Client, clientWith } from './auth.js';
import type { TestApp } from './test-app.js';

/**
 * A small published framework for return tests: one domain per measure, two elements per level
 * (ids `<domain>-l<level>-e<n>`), so a return has seven domains.
 * The first domain allows "not applicable". Ids are unique per call: tests share the database.
 */
export function smallFramework(
  level: 'organisation' | 'system' = 'organisation',
  options: { frameworkId?: string; version?: string; domains?: FrameworkDomain[] } = {},
): FrameworkVersion {
  const frameworkId = options.frameworkId ?? `test-small-${randomUUID().slice(0, 8)}`;
  return {
    frameworkId,
    version: options.version ?? '1',
    title: `Small test framework ${frameworkId}`,
    publishedOn: '2026-04-01',
    status: 'published',
    level,
    scale: { min: 1, max: 5 },
    measures: MEASURE_IDS.map((id) => ({ id, name: `Measure ${id}` })),
    domains:
      options.domains ??
      MEASURE_IDS.map((m, i) =>
        syntheticDomain(`${m}-d`, m, [2, 2, 2, 2], { notApplicableAllowed: i === 0 }),
      ),
  };
}

/** Uploads framework versions (as a national administrator). */
export async function uploadFrameworks(admin: Client, ...frameworks: FrameworkVersion[]): Promise<void> {
  for (const f of frameworks) {
    const res = await admin.post('/api/frameworks', f);
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`upload ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A cycle open today (unless dates say otherwise), with a unique name. */
export async function createCycle(
  admin: Client,
  organisation: FrameworkVersion,
  system: FrameworkVersion,
  dates: Partial<Pick<Cycle, 'opensOn' | 'closesOn' | 'referenceDate'>> = {},
): Promise<Cycle> {
  const res = await admin.post('/api/cycles', {
    name: `Test ${randomUUID().slice(0, 12)}`,
    organisationFramework: { frameworkId: organisation.frameworkId, version: organisation.version },
    systemFramework: { frameworkId: system.frameworkId, version: system.version },
    opensOn: dates.opensOn ?? isoDay(-30),
    closesOn: dates.closesOn ?? isoDay(60),
    referenceDate: dates.referenceDate ?? '2026-04-01',
  });
  if (res.status !== 201) throw new Error(`cycle ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Cycle;
}

export async function startReturns(
  lead: Client,
  code: string,
  cycleId: string,
  extra: { careSettings?: string[]; carryForward?: boolean } = {},
): Promise<CreateReturnsResult> {
  const res = await lead.post(`/api/organisations/${code}/returns`, { cycleId, ...extra });
  if (res.status !== 201) throw new Error(`start ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CreateReturnsResult;
}

export function answer(met: string[], extra: Partial<SaveAnswerRequest> = {}): SaveAnswerRequest {
  return {
    baseVersion: 0,
    met,
    notApplicable: false,
    noneMet: false,
    comment: '',
    confidence: 'medium',
    evidenceIds: [],
    ...extra,
  };
}

/** The element ids that reach `level` in a small-framework domain (levels 2..level, both elements). */
export function upTo(domainId: string, level: number): string[] {
  const ids: string[] = [];
  for (let l = 2; l <= level; l += 1) ids.push(`${domainId}-l${l}-e1`, `${domainId}-l${l}-e2`);
  return ids;
}

/** Answers every domain of a return (level 3 each: the level 2 and 3 elements). */
export async function answerAll(
  client: Client,
  ret: ReturnDetail,
  framework: FrameworkVersion,
): Promise<void> {
  for (const domain of framework.domains) {
    const current = ret.answers.find((a) => a.domainId === domain.id);
    const res = await client.put(
      `/api/returns/${ret.id}/answers/${domain.id}`,
      answer(upTo(domain.id, 3), { baseVersion: current?.version ?? 0 }),
    );
    if (res.status !== 200) throw new Error(`answer ${res.status} ${JSON.stringify(res.body)}`);
    void (res.body as SaveAnswerResult);
  }
}

export async function getReturn(client: Client, id: string): Promise<ReturnDetail> {
  const res = await client.get(`/api/returns/${id}`);
  if (res.status !== 200) throw new Error(`get ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ReturnDetail;
}

/** The people of RJ1's returns (and an administrator) with a small framework for each level uploaded. */
export interface ReturnsWorld {
  admin: Client;
  lead: Client;
  contributor: Client;
  board: Client;
  org: FrameworkVersion;
  sys: FrameworkVersion;
  /** A draft trust return of RJ1 in a cycle of its own (tests share the database). */
  newReturn: () => Promise<ReturnDetail>;
}

export async function returnsWorld(t: TestApp): Promise<ReturnsWorld> {
  const admin = await clientWith(t, [{ role: 'national-administrator' }]);
  const lead = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
  const contributor = await clientWith(t, [{ role: 'trust-contributor', scopeCode: 'RJ1' }]);
  const board = await clientWith(t, [{ role: 'board-approver', scopeCode: 'RJ1' }]);
  const org = smallFramework('organisation');
  const sys = smallFramework('system');
  await uploadFrameworks(admin, org, sys);
  return {
    admin,
    lead,
    contributor,
    board,
    org,
    sys,
    newReturn: async () => {
      const cycle = await createCycle(admin, org, sys);
      const { created } = await startReturns(lead, 'RJ1', cycle.id);
      return getReturn(lead, created[0]!.id);
    },
  };
}

/**
 * A cycle of the 2025 round (the hierarchy of 1 April 2025: 42 ICBs), on new small frameworks: what
 * a DMA 2025 import is applied to. Tests share the database, so each call makes a new cycle.
 */
export async function publishedRoundCycles(admin: Client): Promise<() => Promise<Cycle>> {
  const org = smallFramework('organisation');
  const sys = smallFramework('system');
  await uploadFrameworks(admin, org, sys);
  return () =>
    createCycle(admin, org, sys, {
      opensOn: '2025-04-01',
      closesOn: '2026-03-31',
      referenceDate: '2025-04-01',
    });
}
