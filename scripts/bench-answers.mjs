// `npm run bench:answers`: answer saves per second and latency with 50 concurrent editors, each
// autosaving their own domain of one return, against the real API over HTTP (autocannon), then a
// count of lost writes: every acknowledged save must be what the database holds. Prints figures;
// asserts nothing. Uses DATABASE_URL when set, otherwise the embedded database in a temporary folder.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
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

// CPU time so far, in ms: this process (the API and the HTTP client) and, with DATABASE_URL, the
// PostgreSQL server processes serving this database (read from /proc, so a local server on Linux).
async function cpuMs() {
  const { user: u, system: s } = process.cpuUsage();
  let database = 0;
  if (process.env.DATABASE_URL) {
    const pids = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    for (const { pid } of pids) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        database += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks at 100 Hz
      } catch {
        return { node: (u + s) / 1000, database: Number.NaN };
      }
    }
  }
  return { node: (u + s) / 1000, database };
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
const cpuAfter = await cpuMs();

// Each connection is one editor on one domain, saving its next edit on the version it last saw.
// autocannon shares the `requests` objects between connections, so each connection gets its own.
const acknowledged = new Map(); // domain id → { version, comment } of the last save answered 200
let conflicts = 0;
let saves = 0; // answered 200 with a new version
let nextEditor = 0;

// Per editor across both runs: the version last saved and how many edits were sent.
const progress = domains.map(() => ({ version: 0, seq: 0 }));

function editorRequest(editor) {
  const who = editors[editor];
  const domain = domains[editor];
  const elements = domain.levels.flatMap((l) => l.elements.map((e) => e.id));
  const mine = progress[editor];
  return {
    method: 'PUT',
    path: `/api/returns/${returnId}/answers/${domain.id}`,
    headers: { 'content-type': 'application/json', 'x-csrf-token': who.csrf, cookie: who.cookie },
    setupRequest(req) {
      mine.seq += 1;
      return {
        ...req,
        body: JSON.stringify({
          baseVersion: mine.version,
          met: elements.slice(0, mine.seq % (elements.length + 1)),
          notApplicable: false,
          noneMet: false,
          comment: `editor ${editor} edit ${mine.seq}`,
          confidence: 'medium',
          evidenceIds: [],
        }),
      };
    },
    onResponse(status, body) {
      if (status === 200) {
        const saved = JSON.parse(body);
        if (saved.answer.version > mine.version) saves += 1;
        mine.version = saved.answer.version;
        acknowledged.set(domain.id, { version: mine.version, comment: saved.answer.comment });
      } else if (status === 409) {
        conflicts += 1;
      }
    },
  };
}

async function run(label, extra) {
  nextEditor = 0;
  const result = await autocannon({
    url: base,
    connections: EDITORS,
    duration: SECONDS,
    requests: [{ method: 'GET', path: '/api/health' }],
    setupClient(client) {
      client.requestIterator.setRequests([editorRequest(nextEditor++)]);
    },
    ...extra,
  });
  console.log(`${label}:`);
  console.log(`  saves acknowledged:   ${result['2xx']} (${(result['2xx'] / SECONDS).toFixed(0)} saves/s)`);
  console.log(
    `  latency:              p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  console.log(
    `  non-2xx responses:    ${result.non2xx}; errors ${result.errors}, timeouts ${result.timeouts}`,
  );
}

console.log(
  `Statements sent to the database per save (one editor, ${SEQUENTIAL} saves in a row, session check and access guard included): ${perSave.toFixed(1)}`,
);
console.log(
  `Latency of one save with nothing else running (same saves): p50 ${sequentialMs[SEQUENTIAL / 2].toFixed(1)} ms, p99 ${sequentialMs[Math.floor(SEQUENTIAL * 0.99)].toFixed(1)} ms`,
);
console.log(
  `CPU time per save (same saves): ${((cpuAfter.node - cpuBefore.node) / SEQUENTIAL).toFixed(2)} ms in Node (API and client)${process.env.DATABASE_URL ? `, ${((cpuAfter.database - cpuBefore.database) / SEQUENTIAL).toFixed(2)} ms in PostgreSQL` : ''}`,
);
console.log(
  `Answer saves: ${EDITORS} concurrent editors, each on their own domain of one return, ${SECONDS} s per run, ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}`,
);
/**
 * Editors typing independently are not in step: each saves once a second, editor i starting i/50 of
 * a second after the first (autocannon's rates start every connection at the same instant).
 */
async function paced(label) {
  const latencies = [];
  let failed = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    editors.map(async (who, editor) => {
      const domain = domains[editor];
      const mine = progress[editor];
      let next = performance.now() + (editor * 1000) / EDITORS;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
        if (performance.now() >= until) return;
        mine.seq += 1;
        const startedAt = performance.now();
        const res = await fetch(`${base}/api/returns/${returnId}/answers/${domain.id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': who.csrf, cookie: who.cookie },
          body: JSON.stringify({
            baseVersion: mine.version,
            met: [],
            notApplicable: false,
            noneMet: false,
            comment: `editor ${editor} edit ${mine.seq}`,
            confidence: 'medium',
            evidenceIds: [],
          }),
        });
        const body = await res.json();
        latencies.push(performance.now() - startedAt);
        if (res.status === 200) {
          if (body.answer.version > mine.version) saves += 1;
          mine.version = body.answer.version;
          acknowledged.set(domain.id, { version: mine.version, comment: body.answer.comment });
        } else {
          failed += 1;
        }
        next += 1000;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))].toFixed(0);
  console.log(`${label}:`);
  console.log(
    `  saves acknowledged:   ${latencies.length - failed} (${((latencies.length - failed) / SECONDS).toFixed(0)} saves/s)`,
  );
  console.log(
    `  latency:              p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
  );
  console.log(`  non-2xx responses:    ${failed}`);
}

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

await run('Flat out (each editor saves again as soon as the last save is answered)', {});
await settle();
await run('Autosave pace, in step (each editor saves once a second, all 50 at the same instant)', {
  connectionRate: 1,
});
await settle();
await paced('Autosave pace, not in step (each editor saves once a second, editors spread over the second)');

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
