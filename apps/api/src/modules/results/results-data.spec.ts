import { describe, expect, it, jest } from '@jest/globals';
import type { DataSource, EntityManager, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { AfterCommitSubscriber } from '../../database/after-commit.js';
import type { AssessmentsReader } from '../assessments/assessments.reader.js';
import type { AppliedImportsReader } from '../imports/applied-imports.reader.js';
import { ResultScoresReader } from '../result-store/result-scores.reader.js';
import { ResultsChanges } from '../result-store/results-changes.js';
import type { DemoMarkersRepository } from '../demo/demo-markers.repository.js';
import { ResultsData } from './results-data.js';

const noDemo = { all: () => Promise.resolve(new Set<string>()) } as unknown as DemoMarkersRepository;

const CYCLE = {
  id: 'c1',
  name: '2025/26',
  reference_date: '2025-04-01',
  opens_on: '2025-04-01',
  closes_on: '2026-03-31',
};
const COUNTS = { cycle_id: 'c1', published: 0, sealed: 1, published_system: 0, sealed_system: 0 };

/** A database whose one stored score is `score`; each read of the scores waits for `release()` when held. */
function database() {
  const state = { score: 2, reads: 0, hold: false, release: () => {} };
  const query = jest.fn(async (sql: string) => {
    if (sql.includes('FROM cycle c')) return [CYCLE];
    if (sql.includes('GROUP BY cycle_id')) return [COUNTS];
    if (!sql.includes('FROM result_score s')) return [];
    state.reads += 1;
    const score = state.score;
    if (state.hold) await new Promise<void>((release) => (state.release = release));
    return [
      {
        level: 'organisation',
        code: 'RJ1',
        name: 'RJ1',
        ics_code: 'QKK',
        ics_name: 'QKK',
        region_code: 'Y56',
        region_name: 'London',
        care_setting: 'acute',
        measures: { 'well-led': score },
        overall: score,
        comparable_overall: null,
        previous_comparable_overall: null,
        return_id: null,
        revision: null,
      },
    ];
  });
  // Results change as a writer changes them: announced inside its transaction, heard once it commits.
  const changes = new ResultsChanges({} as DataSource, 'embedded');
  const write = (outcome: 'commit' | 'rollback') => {
    const queryRunner = { isTransactionActive: true };
    const manager = { queryRunner, query: () => Promise.resolve([]) } as unknown as EntityManager;
    const event = { queryRunner } as unknown as TransactionCommitEvent & TransactionRollbackEvent;
    return changes.announce(manager).then(() => {
      queryRunner.isTransactionActive = false;
      const subscriber = new AfterCommitSubscriber();
      if (outcome === 'commit') subscriber.afterTransactionCommit(event);
      else subscriber.afterTransactionRollback(event);
    });
  };
  const assessments = { frameworksIn: () => Promise.resolve(new Map()) } as unknown as AssessmentsReader;
  const imports = {
    latestApplied: () => Promise.resolve(new Map()),
    latestAppliedTo: () => Promise.resolve(null),
  } as unknown as AppliedImportsReader;
  const dataSource = { query } as unknown as DataSource;
  const scores = new ResultScoresReader(dataSource);
  const data = new ResultsData(dataSource, assessments, imports, scores, changes, noDemo);
  return { state, data, changed: () => write('commit'), rolledBack: () => write('rollback') };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
async function until(done: () => boolean) {
  for (let i = 0; i < 100 && !done(); i += 1) await tick();
}

const wellLed = async (data: ResultsData) => (await data.dataset('c1'))!.rows[0]!.measures['well-led'];

describe('ResultsData', () => {
  it('reads a cycle once, and again at once after results change', async () => {
    const { state, data, changed } = database();
    expect(await wellLed(data)).toBe(2);
    expect(await wellLed(data)).toBe(2);
    expect(state.reads).toBe(1);
    state.score = 3;
    await changed();
    expect(await wellLed(data)).toBe(3);
    expect(state.reads).toBe(2);
  });

  it('keeps what it holds when the change is rolled back', async () => {
    const { state, data, rolledBack } = database();
    expect(await wellLed(data)).toBe(2);
    await rolledBack();
    expect(await wellLed(data)).toBe(2);
    expect(state.reads).toBe(1);
  });

  it('serves what it holds while an old copy is read again, then the new one', async () => {
    const { state, data } = database();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    expect(await wellLed(data)).toBe(2);
    state.score = 3;
    state.hold = true;
    now.mockReturnValue(1_000_000 + 31_000);
    expect(await wellLed(data)).toBe(2); // not waiting for the re-read
    await until(() => state.reads === 2);
    state.release();
    await tick();
    expect(await wellLed(data)).toBe(3);
    now.mockRestore();
  });

  it('never lets a read begun before a change replace what came after it', async () => {
    const { state, data, changed } = database();
    const now = jest.spyOn(Date, 'now').mockReturnValue(2_000_000);
    expect(await wellLed(data)).toBe(2);
    state.hold = true;
    now.mockReturnValue(2_000_000 + 31_000);
    await data.dataset('c1'); // starts a background re-read of score 2, held
    await until(() => state.reads === 2);
    const stale = state.release;
    state.score = 4;
    state.hold = false;
    await changed();
    expect(await wellLed(data)).toBe(4);
    stale();
    await tick();
    expect(await wellLed(data)).toBe(4);
    now.mockRestore();
  });

  it('computes a view once per dataset', async () => {
    const { data } = database();
    const dataset = (await data.dataset('c1'))!;
    const compute = jest.fn(() => 'view');
    await data.view(dataset, 'k', compute);
    await data.view(dataset, 'k', compute);
    expect(compute).toHaveBeenCalledTimes(1);
  });
});
