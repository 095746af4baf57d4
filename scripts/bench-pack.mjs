// `npm run bench:pack`: what a board pack costs. Starts the built API with the demo world (embedded
// database in a temporary folder, unless DATABASE_URL names an empty one), then, as the demo trust
// lead of Guy's and St Thomas' (RJ1), downloads the final board pack of its sealed acute return (a full
// return: every domain answered, a plan, an approval): once to warm up, then five times one after the
// other (time per pack), then ten at once (wall time, and the process's peak RSS and heap while they
// run, sampled every 5 ms). Prints the figures; asserts nothing. The queue (BOARD_PACK_CONCURRENCY,
// BOARD_PACK_QUEUE) applies as in production.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../apps/api/dist/app.factory.js';
import { loadConfig } from '../apps/api/dist/config/app-config.js';

const MB = 1024 * 1024;
const dataDir = mkdtempSync(join(tmpdir(), 'wgll-bench-pack-'));
const config = {
  ...loadConfig({ ...process.env, LOG_LEVEL: 'warn' }),
  dataDir,
  seedDemo: true,
  seedPublishedResults: true,
  port: 0,
};
config.auth = { ...config.auth, rateLimitPerMinute: 1_000_000 };
console.log('Starting the API with the demo world (this seeds it: a minute or more)…');
const seedStarted = performance.now();
const running = await createApp(config);
await running.app.listen(0, '127.0.0.1');
const base = (await running.app.getUrl()).replace('[::1]', '127.0.0.1');
console.log(`Ready in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

async function signIn(email, password) {
  const session = await fetch(`${base}/api/auth/session`);
  const cookies = session.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { csrfToken } = await session.json();
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: cookies.join('; ') },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${res.status}`);
  return [...cookies, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
}

const cookie = await signIn('lead.rj1@demo.wgll.example', 'wgll-demo-2026');
const get = (path) => fetch(`${base}${path}`, { headers: { cookie } });
const returns = await (await get('/api/organisations/RJ1/returns')).json();
const acute = returns.items.find((r) => r.careSetting === 'acute' && r.state === 'submitted');
if (!acute) throw new Error('The demo world has no sealed acute return for RJ1');
const detail = await (await get(`/api/returns/${acute.id}`)).json();
const revision = Math.max(...detail.seals.map((s) => s.revision));
const path = `/api/returns/${acute.id}/seals/${revision}/board-pack.pdf`;
console.log(
  `RJ1 acute ${detail.cycle.name}, revision ${revision}: ${detail.answers.length} answers, ` +
    `${detail.evidence.length} evidence items`,
);

async function pack() {
  const started = performance.now();
  const res = await get(path);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, ms: performance.now() - started, bytes };
}

const warm = await pack();
const pages = (warm.bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
console.log(
  `Warm-up: ${warm.status}, ${(warm.bytes.length / 1024).toFixed(0)} KB, ${pages} pages, ${warm.ms.toFixed(0)} ms`,
);

const times = [];
for (let i = 0; i < 5; i += 1) times.push((await pack()).ms);
times.sort((a, b) => a - b);
console.log(
  `One at a time (5 packs): median ${times[2].toFixed(0)} ms, fastest ${times[0].toFixed(0)} ms, ` +
    `slowest ${times[4].toFixed(0)} ms (goal: at most 3000 ms)`,
);

globalThis.gc?.();
const before = process.memoryUsage();
let peakRss = before.rss;
let peakHeap = before.heapUsed;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 5);
const started = performance.now();
const results = await Promise.all(Array.from({ length: 10 }, () => pack()));
const wall = performance.now() - started;
clearInterval(sampler);
const statuses = results.reduce((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
const slowest = Math.max(...results.map((r) => r.ms));
console.log(
  `Ten at once (BOARD_PACK_CONCURRENCY=${config.boardPack.concurrency}, queue ${config.boardPack.waiting}): ` +
    `statuses ${JSON.stringify(statuses)}, all done in ${wall.toFixed(0)} ms (slowest ${slowest.toFixed(0)} ms)`,
);
console.log(
  `Memory of the API process (the benchmark shares it): RSS ${(before.rss / MB).toFixed(0)} MB before, ` +
    `peak ${(peakRss / MB).toFixed(0)} MB (+${((peakRss - before.rss) / MB).toFixed(0)} MB); heap ` +
    `${(before.heapUsed / MB).toFixed(0)} MB before, peak ${(peakHeap / MB).toFixed(0)} MB ` +
    `(+${((peakHeap - before.heapUsed) / MB).toFixed(0)} MB)`,
);

await new Promise((r) => setTimeout(r, 500));
await running.close();
rmSync(dataDir, { recursive: true, force: true });
