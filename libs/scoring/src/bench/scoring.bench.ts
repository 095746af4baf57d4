/// <reference types="node" />
/**
 * `npm run bench:scoring`: element-answers scored per second over a national-scale synthetic set
 * (205 organisations × 4 care settings × every domain), through scoreReturn and the national
 * summaries per care setting. Prints figures; asserts nothing.
 */
import { CARE_SETTINGS, type CareSetting } from '@wgll/framework';
import { summariseScores } from '../aggregates.js';
import { type DomainAnswer, scoreReturn } from '../return-scores.js';
import { syntheticFramework } from '@wgll/framework/testing';

const ORGANISATIONS = 205;
const DOMAINS_PER_MEASURE = 6;
const MIN_SECONDS = 3;

/** Deterministic pseudo-random numbers (mulberry32), so every run scores the same answers. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const framework = syntheticFramework(DOMAINS_PER_MEASURE);
const elementsPerReturn = framework.domains.reduce(
  (n, d) => n + d.levels.reduce((m, l) => m + l.elements.length, 0),
  0,
);
const next = random(2026);
const returns: Array<{ careSetting: CareSetting; answers: Map<string, DomainAnswer> }> = [];
for (let org = 0; org < ORGANISATIONS; org += 1) {
  for (const careSetting of CARE_SETTINGS) {
    // Each organisation meets elements more or less often, so levels spread over 1..5.
    const propensity = 0.55 + next() * 0.45;
    const answers = new Map<string, DomainAnswer>();
    for (const domain of framework.domains) {
      const met = new Set<string>();
      for (const level of domain.levels)
        for (const e of level.elements) if (next() < propensity) met.add(e.id);
      answers.set(domain.id, { met });
    }
    returns.push({ careSetting, answers });
  }
}
const elementAnswersPerPass = returns.length * elementsPerReturn;

function nationalPass(): number {
  const bySetting = new Map<
    CareSetting,
    Array<{ measures: Record<string, number | null>; overall: number | null }>
  >();
  for (const r of returns) {
    const scores = scoreReturn(framework, r.careSetting, r.answers);
    const row = {
      measures: Object.fromEntries(scores.measures.map((m) => [m.measure, m.score])),
      overall: scores.overall,
    };
    const list = bySetting.get(r.careSetting) ?? [];
    list.push(row);
    bySetting.set(r.careSetting, list);
  }
  let checksum = 0;
  for (const rows of bySetting.values()) checksum += summariseScores(rows).overall?.mean ?? 0;
  return checksum;
}

nationalPass(); // warm up
let passes = 0;
let checksum = 0;
const started = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < MIN_SECONDS) {
  checksum += nationalPass();
  passes += 1;
  elapsed = Number(process.hrtime.bigint() - started) / 1e9;
}
const perSecond = (passes * elementAnswersPerPass) / elapsed;
const memory = process.memoryUsage();

console.log('Scoring benchmark (synthetic national set)');
console.log(
  `  returns per pass:          ${returns.length} (${ORGANISATIONS} organisations × ${CARE_SETTINGS.length} care settings)`,
);
console.log(
  `  domains per return:        ${framework.domains.length}; elements per return: ${elementsPerReturn}`,
);
console.log(`  element-answers per pass:  ${elementAnswersPerPass.toLocaleString('en-GB')}`);
console.log(
  `  passes:                    ${passes} in ${elapsed.toFixed(2)} s (${((elapsed / passes) * 1000).toFixed(1)} ms per national pass)`,
);
console.log(
  `  element-answers scored/s:  ${Math.round(perSecond).toLocaleString('en-GB')} (target ≥ 1,000,000)`,
);
console.log(
  `  heap used:                 ${(memory.heapUsed / 2 ** 20).toFixed(1)} MiB; rss ${(memory.rss / 2 ** 20).toFixed(1)} MiB`,
);
console.log(`  checksum:                  ${(checksum / passes).toFixed(6)}`);
