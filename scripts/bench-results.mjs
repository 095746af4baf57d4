// `npm run bench:results`: the ICS and region views at 10× national scale. Generates synthetic sealed
// returns (about 2,000 organisations × 4 care settings × the 2026 question bank, two cycles; see
// synthetic-results.mjs), then runs autocannon against the ICS view, the region view and a bare route
// (GET /api/health) of the same server, one after the other, and prints p50/p95/p99 latency, requests
// per second and each view's throughput as a share of the bare route's. Prints figures; asserts nothing.
// Use a fresh database: DATABASE_URL=postgres://…/bench_results npm run bench:results
import autocannon from 'autocannon';
import { startBenchServer } from './bench-support.mjs';
import { generateSyntheticResults } from './synthetic-results.mjs';
import { ResultsData } from '../apps/api/dist/modules/results/results-data.js';
import { areaComparison, icsComparison } from '../apps/api/dist/modules/results/results-views.js';

const SCALE = Number(process.env.SCALE ?? 10);
const SECONDS = Number(process.env.SECONDS ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);

const { app, base, db, user, stop } = await startBenchServer();

const ICS = 'QKK';
const REGION = 'Y56';
const admin = await user('national-administrator', null);
const icsLead = await user('ics-lead', ICS);
const regionViewer = await user('regional-viewer', REGION);

const started = Date.now();
const generated = await generateSyntheticResults(db, {
  organisations: 205 * SCALE,
  sealedBy: admin.id,
  log: (text) => console.log(`  ${text}`),
});
console.log(`Generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const cycle = generated.cycles[1];
const at = cycle.referenceDate;

async function check(who, path) {
  const res = await fetch(`${base}${path}`, { headers: { cookie: who.cookie } });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const targets = [
  { name: 'bare route   GET /api/health', who: admin, path: '/api/health' },
  {
    name: `ICS view     GET /api/ics/${ICS}/results`,
    who: icsLead,
    path: `/api/ics/${ICS}/results?cycle=${cycle.id}&at=${at}`,
  },
  {
    name: `region view  GET /api/regions/${REGION}/results`,
    who: regionViewer,
    path: `/api/regions/${REGION}/results?cycle=${cycle.id}&at=${at}&careSetting=acute&threshold=2.5`,
  },
];
const icsView = await check(icsLead, targets[1].path);
const regionView = await check(regionViewer, targets[2].path);
console.log(
  `ICS view: ${icsView.rows.length} rows (organisations × care settings) and the ICB's own return; ` +
    `region view: ${regionView.groups.length} ICSs, ${regionView.distribution['well-led'].count} acute providers, ` +
    `movement over ${regionView.movement?.area.count ?? 0} organisations`,
);

/** One autocannon run; latencies are kept per response so p95 is exact (autocannon reports p97.5). */
function run(target) {
  return new Promise((resolveRun, reject) => {
    const latencies = [];
    const instance = autocannon(
      {
        url: `${base}${target.path}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { cookie: target.who.cookie },
      },
      (error, result) => (error ? reject(error) : resolveRun({ ...result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

console.log(`\nautocannon ${CONNECTIONS} connections, ${SECONDS} s each, one after the other:`);
const results = [];
for (const target of targets) {
  await run(target); // warm-up: caches, JIT
  const result = await run(target);
  results.push({ target, result });
}
const bare = results[0].result.requests.average;
for (const { target, result } of results) {
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(result.latencies, p).toFixed(1));
  console.log(
    `${target.name.padEnd(44)} ${result.requests.average.toFixed(0).padStart(6)} req/s  ` +
      `p50 ${p50} ms  p95 ${p95} ms  p99 ${p99} ms  ` +
      `non-2xx ${result.non2xx}  errors ${result.errors}  ` +
      `${((result.requests.average / bare) * 100).toFixed(0)} % of bare`,
  );
}
// Without the cache: reading a cycle's rows into memory, and computing each view from them.
const data = app.get(ResultsData);
const timed = async (repeat, work) => {
  const started = process.hrtime.bigint();
  for (let i = 0; i < repeat; i += 1) await work(i);
  return Number(process.hrtime.bigint() - started) / 1e6 / repeat;
};
const readMs = await timed(5, async () => {
  data.invalidate();
  await data.dataset(cycle.id);
});
const dataset = await data.dataset(cycle.id);
const icsMs = await timed(200, () => icsComparison(dataset, ICS, null));
const regionMs = await timed(200, (i) =>
  areaComparison(dataset, { type: 'region', code: REGION }, 'providers', 'acute', 1 + (i % 400) / 100),
);
console.log(
  `\nUncached (after an import or a seal): reading the cycle's ${dataset.rows.length} results ${readMs.toFixed(1)} ms; ` +
    `computing the ICS view ${icsMs.toFixed(2)} ms, the region view ${regionMs.toFixed(2)} ms (means)`,
);
await stop();
