// `npm run bench:answers`: answer saves per second and latency with 50 concurrent editors, each
// autosaving their own domain of one return, against the real API over HTTP (autocannon, in a process
// of its own: bench-answers-load.mjs), then a count of lost writes: every acknowledged save must be what the database holds. Prints figures;
// asserts nothing. Uses DATABASE_URL when set, otherwise the embedded database in a temporary folder.
import { readFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { syntheticFramework } from '@wgll/framework/testing';
import { startBenchServer, statementCount } from './bench-support.mjs';

const EDITORS = Number(process.env.EDITORS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 15);

const { base, db, user, stop } = await startBenchServer();

async function call(who, method, path, body) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': who.csrf, cookie: who.cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

// A framework with 8 domains per measure (56), so 50 editors each have a domain of their own.
const framework = { ...syntheticFramework(8, 'all'), frameworkId: `bench-${Date.now()}` };
const system = { ...framework, frameworkId: `${framework.frameworkId}-system`, level: 'system' };
const admin = await user('national-administrator', null);
await call(admin, 'POST', '/frameworks', framework);
await call(admin, 'POST', '/frameworks', system);
const today = new Date().toISOString().slice(0, 10);
const cycle = await call(admin, 'POST', '/cycles', {
  name: `Bench ${framework.frameworkId}`,
  organisationFramework: { frameworkId: framework.frameworkId, version: '1' },
  systemFramework: { frameworkId: system.frameworkId, version: '1' },
  opensOn: '2026-01-01',
  closesOn: today > '2099-01-01' ? today : '2099-12-31',
  referenceDate: '2026-04-01',
});
const lead = await user('trust-lead', 'RJ1');
const { created } = await call(lead, 'POST', '/organisations/RJ1/returns', { cycleId: cycle.id });
const returnId = created[0].id;
const editors = [];
for (let i = 0; i < EDITORS; i += 1) editors.push(await user('trust-contributor', 'RJ1'));
const domains = framework.domains.slice(0, EDITORS);

// CPU time so far, in ms: this process and, with DATABASE_URL, each PostgreSQL server process
// serving this database (read from /proc, so a local server on Linux; NaN otherwise).
async function cpuMs() {
  const { user: u, system: s } = process.cpuUsage();
  const database = new Map();
  if (process.env.DATABASE_URL) {
    const pids = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    for (const { pid } of pids) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        database.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100); // clock ticks at 100 Hz
      } catch {
        database.set(pid, Number.NaN);
      }
    }
  }
  return { node: (u + s) / 1000, database };
}

/**
 * CPU time between two readings: Node's, and PostgreSQL's summed over the server processes alive at
 * the end (a process that ended in between, e.g. an idle pool connection closed, is not counted).
 */
function cpuSpent(before, after) {
  let database = 0;
  for (const [pid, ms] of after.database) database += ms - (before.database.get(pid) ?? 0);
  return { node: after.node - before.node, database };
}

// Statements and CPU time per save, independent of load: one more editor saving one at a time on a
// domain of its own.
const SEQUENTIAL = 200;
const probe = await user('trust-contributor', 'RJ1');
const probeDomain = framework.domains[framework.domains.length - 1];
let probeVersion = 0;
const before = statementCount();
const cpuBefore = await cpuMs();
const sequentialMs = [];
for (let i = 1; i <= SEQUENTIAL; i += 1) {
  const startedAt = performance.now();
  const saved = await call(probe, 'PUT', `/returns/${returnId}/answers/${probeDomain.id}`, {
    baseVersion: probeVersion,
    met: [],
    notApplicable: false,
    noneMet: false,
    comment: `probe edit ${i}`,
    confidence: 'medium',
    evidenceIds: [],
  });
  probeVersion = saved.answer.version;
  sequentialMs.push(performance.now() - startedAt);
}
sequentialMs.sort((a, b) => a - b);
const perSave = (statementCount() - before) / SEQUENTIAL;
const probeCpu = cpuSpent(cpuBefore, await cpuMs());

// Per editor across the runs: the version last saved and how many edits were sent.
let progress = domains.map(() => ({ version: 0, seq: 0 }));
const acknowledged = new Map(); // domain id → { version, comment } of the last save answered 200
let conflicts = 0;
let saves = 0; // answered 200 with a new version

/**
 * One run of the editors' load, in a child process (bench-answers-load.mjs) so that the client does
 * not share the API's event loop; prints throughput, latency and the CPU time per save of the API
 * (this process), the client and, with DATABASE_URL, PostgreSQL.
 */
async function run(label, job) {
  const child = fork(fileURLToPath(new URL('./bench-answers-load.mjs', import.meta.url)), [], {
    execArgv: [],
  });
  const cpuBefore = await cpuMs();
  child.send({
    ...job,
    base,
    returnId,
    seconds: SECONDS,
    progress,
    editors: editors.map((who, i) => ({
      cookie: who.cookie,
      csrf: who.csrf,
      domainId: domains[i].id,
      elements: domains[i].levels.flatMap((l) => l.elements.map((e) => e.id)),
    })),
  });
  const outcome = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the load process exited with ${code}`)));
  });
  const cpu = cpuSpent(cpuBefore, await cpuMs());
  progress = outcome.progress;
  for (const [domainId, ack] of Object.entries(outcome.acknowledged)) acknowledged.set(domainId, ack);
  conflicts += outcome.conflicts;
  saves += outcome.saves;
  const { latency } = outcome;
  const per = (ms) => (ms / Math.max(1, outcome.ok)).toFixed(2);
  console.log(`${label}:`);
  console.log(`  saves acknowledged:   ${outcome.ok} (${(outcome.ok / SECONDS).toFixed(0)} saves/s)`);
  console.log(
    `  latency:              p50 ${latency.p50} ms, p90 ${latency.p90} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
  );
  console.log(
    `  non-2xx responses:    ${outcome.non2xx}; errors ${outcome.errors}, timeouts ${outcome.timeouts}`,
  );
  console.log(
    `  CPU time per save:    ${per(cpu.node)} ms API, ${per(outcome.clientCpuMs)} ms client${process.env.DATABASE_URL ? `, ${per(cpu.database)} ms PostgreSQL` : ''}`,
  );
}

console.log(
  `Statements sent to the database per save (one editor, ${SEQUENTIAL} saves in a row, session check and access guard included): ${perSave.toFixed(1)}`,
);
console.log(
  `Latency of one save with nothing else running (same saves): p50 ${sequentialMs[SEQUENTIAL / 2].toFixed(1)} ms, p99 ${sequentialMs[Math.floor(SEQUENTIAL * 0.99)].toFixed(1)} ms`,
);
console.log(
  `CPU time per save (same saves): ${(probeCpu.node / SEQUENTIAL).toFixed(2)} ms in Node (API and client)${process.env.DATABASE_URL ? `, ${(probeCpu.database / SEQUENTIAL).toFixed(2)} ms in PostgreSQL` : ''}`,
);
console.log(
  `Answer saves: ${EDITORS} concurrent editors, each on their own domain of one return, ${SECONDS} s per run, ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}`,
);
/**
 * The last save of each connection may still be in flight when a run stops (its answer unread):
 * let it land, then pick up each editor's version, as the page does after a conflict.
 */
async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (const row of await db.query('SELECT domain_id, version FROM domain_answer WHERE return_id = $1', [
    returnId,
  ])) {
    const editor = domains.findIndex((d) => d.id === row.domain_id);
    if (editor >= 0) progress[editor].version = row.version;
  }
}

await run('Flat out (each editor saves again as soon as the last save is answered)', { kind: 'cannon' });
await settle();
await run('Autosave pace, in step (each editor saves once a second, all 50 at the same instant)', {
  kind: 'cannon',
  connectionRate: 1,
});
await settle();
await run('Autosave pace, not in step (each editor saves once a second, editors spread over the second)', {
  kind: 'paced',
});

// Saves still in flight when a run stops finish on the server; let them land, then compare.
await new Promise((resolve) => setTimeout(resolve, 2000));
const stored = await db.query('SELECT domain_id, version, comment FROM domain_answer WHERE return_id = $1', [
  returnId,
]);
const audited = await db.query(
  `SELECT details->>'domainId' AS domain_id, count(*)::int AS n FROM audit_event
   WHERE target_type = 'return' AND target_id = $1 AND action = 'return.answer-saved' GROUP BY 1`,
  [returnId],
);
let lost = 0;
let unaudited = 0;
for (const [i, domain] of domains.entries()) {
  const ack = acknowledged.get(domain.id);
  const row = stored.find((r) => r.domain_id === domain.id);
  const own = row?.comment.startsWith(`editor ${i} `);
  // Lost: the database holds less than was acknowledged, something else, or another editor's text.
  if (
    ack &&
    (!row ||
      !own ||
      row.version < ack.version ||
      (row.version === ack.version && row.comment !== ack.comment))
  ) {
    lost += 1;
  }
  // Every version of every answer is in the audit log.
  if ((audited.find((a) => a.domain_id === domain.id)?.n ?? 0) !== (row?.version ?? 0)) unaudited += 1;
}
const auditRows = audited
  .filter((a) => domains.some((d) => d.id === a.domain_id))
  .reduce((n, a) => n + a.n, 0);
const versions = stored
  .filter((r) => domains.some((d) => d.id === r.domain_id))
  .reduce((n, r) => n + r.version, 0);
console.log(
  `Check after the runs: ${acknowledged.size} domains, 409 conflicts ${conflicts}, lost writes ${lost}, answers whose versions are not all audited ${unaudited}`,
);
// Saves still in flight when a run stopped are stored and audited but were never read as answered,
// so acknowledged ≤ versions; audit rows must equal versions exactly.
console.log(
  `Audit: ${auditRows} answer-saved rows for ${versions} stored versions (${auditRows === versions ? 'equal' : 'NOT EQUAL'}); ${saves} saves acknowledged${saves <= versions ? '' : ' — MORE THAN STORED'}`,
);
await stop();
