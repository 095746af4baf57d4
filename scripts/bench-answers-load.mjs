// The load of `npm run bench:answers`, run in a process of its own (bench-answers.mjs forks it) so
// that the HTTP client does not take turns with the API on one event loop: 50 editors save answers
// through autocannon (flat out or at a set rate) or at their own pace (`paced`). Receives one job
// on IPC, answers with what the editors saw, and exits.
import autocannon from 'autocannon';

process.once('message', async (job) => {
  const started = process.cpuUsage();
  const outcome = job.kind === 'paced' ? await paced(job) : await cannon(job);
  const { user, system } = process.cpuUsage(started);
  process.send({ ...outcome, clientCpuMs: (user + system) / 1000 }, () => process.exit(0));
});

/** The body of one editor's next save, and what it remembers of the last one answered 200. */
function editorState(job, editor) {
  const { cookie, csrf, domainId, elements } = job.editors[editor];
  const mine = job.progress[editor];
  return {
    path: `/api/returns/${job.returnId}/answers/${domainId}`,
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie },
    domainId,
    mine,
    body(met) {
      mine.seq += 1;
      return JSON.stringify({
        baseVersion: mine.version,
        met: met ? elements.slice(0, mine.seq % (elements.length + 1)) : [],
        notApplicable: false,
        noneMet: false,
        comment: `editor ${editor} edit ${mine.seq}`,
        confidence: 'medium',
        evidenceIds: [],
      });
    },
  };
}

function tally() {
  return { acknowledged: {}, conflicts: 0, saves: 0, failed: 0 };
}

function onSaved(outcome, editor, status, text) {
  const { domainId, mine } = editor;
  if (status === 200) {
    const saved = JSON.parse(text);
    if (saved.answer.version > mine.version) outcome.saves += 1;
    mine.version = saved.answer.version;
    outcome.acknowledged[domainId] = { version: mine.version, comment: saved.answer.comment };
  } else {
    outcome.failed += 1;
    if (status === 409) outcome.conflicts += 1;
  }
}

/** Each connection is one editor on one domain, saving its next edit on the version it last saw. */
async function cannon(job) {
  const outcome = tally();
  let nextEditor = 0;
  // autocannon shares the `requests` objects between connections, so each connection gets its own.
  const result = await autocannon({
    url: job.base,
    connections: job.editors.length,
    duration: job.seconds,
    connectionRate: job.connectionRate,
    requests: [{ method: 'GET', path: '/api/health' }],
    setupClient(client) {
      const editor = editorState(job, nextEditor++);
      client.requestIterator.setRequests([
        {
          method: 'PUT',
          path: editor.path,
          headers: editor.headers,
          setupRequest: (req) => ({ ...req, body: editor.body(true) }),
          onResponse: (status, body) => onSaved(outcome, editor, status, body),
        },
      ]);
    },
  });
  const { latency } = result;
  return {
    ...outcome,
    progress: job.progress,
    ok: result['2xx'],
    latency: { p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Editors typing independently are not in step: each saves once a second, editor i starting i/50 of
 * a second after the first (autocannon's rates start every connection at the same instant).
 */
async function paced(job) {
  const outcome = tally();
  const latencies = [];
  const until = performance.now() + job.seconds * 1000;
  const count = job.editors.length;
  await Promise.all(
    job.editors.map(async (_, i) => {
      const editor = editorState(job, i);
      let next = performance.now() + (i * 1000) / count;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
        if (performance.now() >= until) return;
        const startedAt = performance.now();
        const res = await fetch(`${job.base}${editor.path}`, {
          method: 'PUT',
          headers: editor.headers,
          body: editor.body(false),
        });
        const text = await res.text();
        latencies.push(performance.now() - startedAt);
        onSaved(outcome, editor, res.status, text);
        next += 1000;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]);
  return {
    ...outcome,
    progress: job.progress,
    ok: latencies.length - outcome.failed,
    latency: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
    non2xx: outcome.failed,
    errors: 0,
    timeouts: 0,
  };
}
