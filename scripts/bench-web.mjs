// `npm run bench:web`: Lighthouse (mobile preset, the system Chromium) on the pages people use most:
// /sign-in, a trust's results, the ICS results, the region results and the Well led questionnaire of a
// demo trust's return, each signed in with a demo account where the page needs it. Builds what is
// needed (as `npm start` does), starts the built API with the demo world (DATABASE_URL when set,
// otherwise the embedded database in a temporary folder), and prints each page's performance,
// accessibility and best-practices scores and the bytes it transferred. Prints figures; asserts
// nothing. Goal: performance ≥ 95, accessibility 100, best practices ≥ 95 on every page.
//
//   npm run bench:web                          # build, start, measure
//   node scripts/bench-web.mjs --no-build      # measure the build already there
//   node scripts/bench-web.mjs --url http://localhost:3000   # measure a running app (demo data on)
//   RUNS=3 npm run bench:web                   # the median of three runs per page
//   node scripts/bench-web.mjs --only region   # only the pages whose name contains "region"
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

const { values: options } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    url: { type: 'string' },
    // The folder holding apps/api/dist and apps/web/dist (another checkout's build, for a "before").
    root: { type: 'string' },
    runs: { type: 'string', default: process.env.RUNS ?? '1' },
    // A folder to keep each page's Lighthouse report in (JSON), to look into a figure.
    save: { type: 'string' },
    // Measure only the pages whose name contains this text (case-insensitive), e.g. --only region.
    only: { type: 'string' },
  },
});
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const appRoot = resolve(options.root ?? repoRoot);
const runs = Math.max(1, Number.parseInt(options.runs, 10) || 1);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const DEMO_PASSWORD = 'wgll-demo-2026';
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

function build() {
  const nxPackage = createRequire(import.meta.url).resolve('nx/package.json');
  const nxBin = join(dirname(nxPackage), JSON.parse(readFileSync(nxPackage, 'utf8')).bin.nx);
  console.log('Building the API and the web app…');
  const result = spawnSync(
    process.execPath,
    [nxBin, 'run-many', '-t', 'build', '--projects=api,web', '--output-style=static'],
    { cwd: repoRoot, stdio: 'inherit', env },
  );
  if (result.status !== 0) throw new Error('The build failed: see the messages above.');
}

function freePort() {
  return new Promise((done, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The built API (serving the built web app) with the demo world, as `npm start` runs it. */
async function startApp() {
  const port = await freePort();
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'wgll-bench-web-'));
  const child = spawn(process.execPath, [join(appRoot, 'apps/api/dist/main.js')], {
    cwd: appRoot,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'wgll-bench-web-secret-not-for-production-use-048',
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  console.log('Starting the app with the demo world (the first start builds it)…');
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited (${child.exitCode}):\n${output}`);
    // Ready once the demo world is there: the app listens only after seeding.
    const health = await fetch(`${base}/api/health`).catch(() => null);
    if (health?.status === 200) return { base, stop };
    await sleep(1000);
  }
  await stop();
  throw new Error(`The app did not start within 5 minutes:\n${output}`);
}

/** `name=value; Path=/api/auth; HttpOnly; …` → a cookie for the browser at `base`. */
function parseSetCookie(header, base) {
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
  return {
    name: pair.slice(0, at),
    value: pair.slice(at + 1),
    domain: new URL(base).hostname,
    path,
    httpOnly: attributes.some((a) => /^httponly$/i.test(a)),
    sameSite: 'Lax',
  };
}

/** Signs in through the API as a demo account; resolves with its session's cookies. */
async function signIn(base, email) {
  const session = await fetch(`${base}/api/auth/session`);
  const csrfCookies = session.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { csrfToken } = await session.json();
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': csrfToken,
      cookie: csrfCookies.join('; '),
    },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`Signing in as ${email}: ${response.status}`);
  return [...session.headers.getSetCookie(), ...response.headers.getSetCookie()].map((c) =>
    parseSetCookie(c, base),
  );
}

const cookieHeader = (cookies) => cookies.map((c) => `${c.name}=${c.value}`).join('; ');

async function getJson(base, path, cookie) {
  const response = await fetch(`${base}${path}`, { headers: { cookie: cookieHeader(cookie) } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

/** A demo trust's acute return in the cycle under way (a draft if there is one), for the questionnaire. */
async function questionnairePath(base, cookie) {
  const { items } = await getJson(base, '/api/organisations/RJ1/returns', cookie);
  const acute = items.filter((r) => r.careSetting === 'acute');
  const chosen =
    acute.find((r) => r.cycle.status === 'open' && r.state === 'draft') ??
    acute.find((r) => r.cycle.status === 'open') ??
    acute[0] ??
    items[0];
  if (!chosen) throw new Error('The demo trust RJ1 has no return');
  return `/returns/${chosen.id}/measures/well-led`;
}

const pages = [
  { name: 'Sign in', path: () => '/sign-in' },
  {
    name: "Trust's results (RJ1)",
    account: 'lead.rj1@demo.wgll.example',
    path: () => '/organisations/RJ1/results',
  },
  { name: 'ICS results (QKK)', account: 'ics@demo.wgll.example', path: () => '/ics/QKK/results' },
  { name: 'Region results (Y56)', account: 'region@demo.wgll.example', path: () => '/regions/Y56/results' },
  { name: 'Well led questionnaire (RJ1)', account: 'lead.rj1@demo.wgll.example', path: questionnairePath },
];

const KB = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function summarise(lhr) {
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const bytes = (type) =>
    requests
      .filter((r) => !type || r.resourceType === type)
      .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing = (id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
    // Lighthouse's measure of this machine's CPU (higher is faster): scores move with it.
    cpu: lhr.environment?.benchmarkIndex ?? 0,
    fcp: lhr.audits['first-contentful-paint']?.numericValue ?? 0,
    lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? 0,
    tbt: lhr.audits['total-blocking-time']?.numericValue ?? 0,
    js: bytes('Script'),
    css: bytes('Stylesheet'),
    total: bytes(),
    requests: requests.length,
    notes: [
      ...failing('accessibility').map((id) => `a11y:${id}`),
      ...failing('best-practices').map((id) => `bp:${id}`),
    ],
  };
}

/**
 * One Lighthouse run with its default settings: the mobile preset (Moto G Power, slow 4G, 4× CPU
 * slowdown). A run whose trace was lost (NO_NAVSTART and the like, more likely on a busy machine) is
 * tried again, up to three times.
 */
async function audit(url, port) {
  for (let attempt = 1; ; attempt += 1) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (!result.lhr.runtimeError) return result;
    if (attempt === 3) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
    console.log(`  (${result.lhr.runtimeError.code} on ${new URL(url).pathname}: trying again)`);
  }
}

async function main() {
  if (!options.url && !options['no-build'] && !options.root) build();
  const app = options.url ? { base: options.url.replace(/\/$/, ''), stop: async () => {} } : await startApp();
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
    ],
  });
  // The browser holds the demo account's session cookies, as after signing in (Lighthouse keeps them:
  // it clears caches and storage between runs, not cookies).
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const results = [];
  try {
    const only = options.only?.toLowerCase();
    for (const page of pages.filter((p) => !only || p.name.toLowerCase().includes(only))) {
      const cookie = page.account ? await signIn(app.base, page.account) : undefined;
      const path = await page.path(app.base, cookie);
      const context = browser.contexts()[0];
      if (!context) throw new Error('Chromium has no browser context');
      await context.clearCookies();
      if (cookie) await context.addCookies(cookie);
      const samples = [];
      for (let run = 0; run < runs; run += 1) {
        const result = await audit(`${app.base}${path}`, chrome.port);
        samples.push(summarise(result.lhr));
        if (options.save) {
          mkdirSync(options.save, { recursive: true });
          const file = `${page.name.replace(/\W+/g, '-').toLowerCase()}-${run + 1}.json`;
          writeFileSync(join(options.save, file), JSON.stringify(result.lhr));
        }
      }
      const pick = (key) => median(samples.map((s) => s[key]));
      const summary = {
        ...samples[0],
        ...Object.fromEntries(
          Object.keys(samples[0])
            .filter((k) => k !== 'notes')
            .map((k) => [k, pick(k)]),
        ),
      };
      results.push({ name: page.name, path, ...summary });
      console.log(
        `${page.name.padEnd(30)} perf ${String(summary.performance).padStart(3)}  a11y ${String(summary.accessibility).padStart(3)}  ` +
          `best ${String(summary.bestPractices).padStart(3)}  JS ${KB(summary.js).padStart(6)}  total ${KB(summary.total).padStart(6)}`,
      );
    }
  } finally {
    await browser.close().catch(() => undefined);
    await chrome.kill();
    await app.stop();
  }

  const [one, five] = loadavg();
  console.log(
    `\nLighthouse ${runs > 1 ? `(median of ${runs} runs) ` : ''}mobile preset, ${chromePath}; load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)`,
  );
  console.log(
    'Goal: performance ≥ 95, accessibility 100, best practices ≥ 95; sign-in ≤ 150 KB JS, ≤ 250 KB in all.\n',
  );
  console.log(
    '| page | perf | a11y | best practices | FCP | LCP | TBT | CLS | JS | CSS | total | requests | CPU index |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${(r.fcp / 1000).toFixed(1)} s | ` +
        `${(r.lcp / 1000).toFixed(1)} s | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(2)} | ${KB(r.js)} | ${KB(r.css)} | ` +
        `${KB(r.total)} | ${r.requests} | ${Math.round(r.cpu)} |`,
    );
  }
  const notes = results.filter((r) => r.notes.length > 0);
  if (notes.length > 0) {
    console.log('\nAudits below full marks (accessibility, best practices):');
    for (const r of notes) console.log(`  ${r.name}: ${r.notes.join(', ')}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
