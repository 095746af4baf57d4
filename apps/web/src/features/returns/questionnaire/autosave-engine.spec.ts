import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { DomainAnswer, SaveAnswerRequest, SaveAnswerResult } from '@wgll/contracts';

import { ApiRequestError } from '../../../lib/api-client';
import { EMPTY_DRAFT, type AnswerDraft } from './answer-draft';
import { AutosaveEngine, retryDelay, type AutosaveClock } from './autosave-engine';
import { memoryDraftStorage } from './draft-storage';

/** Timers that run only when the test moves time on. */
function fakeClock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: AutosaveClock & { advance(ms: number): void; pending(): number } = {
    setTimeout: (run, ms) => {
      const id = next++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    now: () => new Date(Date.UTC(2026, 5, 1, 9, 0, 0) + now),
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    },
    pending: () => timers.size,
  };
  return clock;
}

interface Call {
  kind: 'save' | 'confirm';
  domainId: string;
  request?: SaveAnswerRequest;
  baseVersion: number;
  resolve: (result: SaveAnswerResult) => void;
  reject: (error: unknown) => void;
}

function fakeTransport() {
  const calls: Call[] = [];
  const call = (kind: Call['kind'], domainId: string, baseVersion: number, request?: SaveAnswerRequest) =>
    new Promise<SaveAnswerResult>((resolve, reject) => {
      calls.push({ kind, domainId, baseVersion, request, resolve, reject });
    });
  return {
    calls,
    save: (domainId: string, request: SaveAnswerRequest) =>
      call('save', domainId, request.baseVersion, request),
    confirm: (domainId: string, baseVersion: number) => call('confirm', domainId, baseVersion),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function answer(
  domainId: string,
  version: number,
  draft: Partial<AnswerDraft> = {},
  extra: Partial<DomainAnswer> = {},
) {
  return {
    domainId,
    ...EMPTY_DRAFT,
    ...draft,
    version,
    toConfirm: false,
    updatedAt: '2026-06-01T09:00:00Z',
    updatedBy: { id: 'u2', displayName: 'Sam Jones' },
    ...extra,
  } satisfies DomainAnswer;
}

const saved = (request: SaveAnswerRequest, domainId: string, version: number): SaveAnswerResult => ({
  answer: answer(domainId, version, request),
  state: 'draft',
  approvalsWithdrawn: 0,
});

describe('AutosaveEngine', () => {
  let clock: ReturnType<typeof fakeClock>;
  let transport: ReturnType<typeof fakeTransport>;
  let storage: ReturnType<typeof memoryDraftStorage>;
  let onAnswer: jest.Mock<(answer: DomainAnswer, result: SaveAnswerResult | null) => void>;
  let onConflict: jest.Mock<(domainId: string) => void>;
  let engine: AutosaveEngine;

  function start(answers: DomainAnswer[] = [], domains = ['d1', 'd2']) {
    engine = new AutosaveEngine({ scope: 'r1', transport, storage, clock, onAnswer, onConflict });
    engine.sync(answers, domains);
    engine.setEnabled(true);
  }

  beforeEach(() => {
    clock = fakeClock();
    transport = fakeTransport();
    storage = memoryDraftStorage();
    onAnswer = jest.fn();
    onConflict = jest.fn();
  });

  it('saves after a pause, based on version 0 for a domain never answered', async () => {
    start();
    engine.edit('d1', (d) => ({ ...d, met: ['e1'] }));
    expect(engine.getSnapshot().domains.get('d1')?.phase).toBe('pending');
    expect(storage.read('r1', 'd1')).toEqual({ draft: { ...EMPTY_DRAFT, met: ['e1'] }, baseVersion: 0 });
    clock.advance(799);
    expect(transport.calls).toHaveLength(0);
    clock.advance(1);
    expect(transport.calls).toHaveLength(1);
    expect(transport.calls[0]?.request).toMatchObject({ baseVersion: 0, met: ['e1'] });
    transport.calls[0]!.resolve(saved(transport.calls[0]!.request!, 'd1', 1));
    await settle();
    const snapshot = engine.getSnapshot();
    expect(snapshot.domains.get('d1')).toMatchObject({ phase: 'saved', unsaved: false });
    expect(snapshot.lastSavedAt).not.toBeNull();
    expect(storage.read('r1', 'd1')).toBeUndefined();
    expect(onAnswer).toHaveBeenCalledTimes(1);
  });

  it('keeps one request in flight and sends later edits with the version the first save returned', async () => {
    start();
    engine.edit('d1', (d) => ({ ...d, comment: 'first' }), true);
    clock.advance(0);
    engine.edit('d1', (d) => ({ ...d, comment: 'second' }));
    clock.advance(5000);
    expect(transport.calls).toHaveLength(1);
    transport.calls[0]!.resolve(saved(transport.calls[0]!.request!, 'd1', 1));
    await settle();
    expect(engine.getSnapshot().domains.get('d1')?.unsaved).toBe(true);
    clock.advance(0);
    expect(transport.calls).toHaveLength(2);
    expect(transport.calls[1]?.request).toMatchObject({ baseVersion: 1, comment: 'second' });
    transport.calls[1]!.resolve(saved(transport.calls[1]!.request!, 'd1', 2));
    await settle();
    expect(engine.getSnapshot().domains.get('d1')).toMatchObject({ phase: 'saved', unsaved: false });
  });

  it('keeps the edit and retries with backoff on network and server failures, at once when back online', async () => {
    start();
    engine.edit('d1', (d) => ({ ...d, confidence: 'high' }), true);
    clock.advance(0);
    transport.calls[0]!.reject(new ApiRequestError(0, 'NETWORK_ERROR', 'unreachable'));
    await settle();
    expect(engine.getSnapshot()).toMatchObject({ retrying: 1, unsaved: 1 });
    expect(storage.read('r1', 'd1')?.draft.confidence).toBe('high');
    clock.advance(999);
    expect(transport.calls).toHaveLength(1);
    clock.advance(1);
    expect(transport.calls).toHaveLength(2);
    transport.calls[1]!.reject(new ApiRequestError(503, 'INTERNAL_ERROR', 'down'));
    await settle();
    clock.advance(1999);
    expect(transport.calls).toHaveLength(2);
    engine.flushAll();
    clock.advance(0);
    expect(transport.calls).toHaveLength(3);
    expect(transport.calls[2]?.request).toMatchObject({ baseVersion: 0, confidence: 'high' });
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('never overwrites on a conflict: waits, then keeps mine on the current version', async () => {
    start([answer('d1', 3, { comment: 'old' })]);
    engine.edit('d1', (d) => ({ ...d, comment: 'mine' }), true);
    clock.advance(0);
    const current = answer('d1', 4, { comment: 'theirs' });
    transport.calls[0]!.reject(
      new ApiRequestError(409, 'ANSWER_CONFLICT', 'conflict', [], undefined, {
        statusCode: 409,
        code: 'ANSWER_CONFLICT',
        message: 'conflict',
        current,
      } as never),
    );
    await settle();
    expect(engine.getSnapshot().domains.get('d1')).toMatchObject({
      phase: 'conflict',
      conflict: { current },
    });
    expect(onConflict).toHaveBeenCalledWith('d1');
    engine.edit('d1', (d) => ({ ...d, comment: 'mine, edited' }));
    clock.advance(60_000);
    expect(transport.calls).toHaveLength(1);
    engine.keepMine('d1');
    clock.advance(0);
    expect(transport.calls[1]?.request).toMatchObject({ baseVersion: 4, comment: 'mine, edited' });
  });

  it('uses the saved version when asked, dropping the edit', async () => {
    start([answer('d1', 1)]);
    engine.edit('d1', (d) => ({ ...d, comment: 'mine' }), true);
    clock.advance(0);
    const current = answer('d1', 2, { comment: 'theirs' });
    transport.calls[0]!.reject(
      new ApiRequestError(409, 'ANSWER_CONFLICT', 'conflict', [], undefined, {
        statusCode: 409,
        code: 'ANSWER_CONFLICT',
        message: 'conflict',
        current,
      } as never),
    );
    await settle();
    engine.takeSaved('d1');
    expect(engine.getSnapshot().domains.get('d1')).toMatchObject({ phase: 'saved', unsaved: false });
    expect(engine.getSnapshot().domains.get('d1')?.draft.comment).toBe('theirs');
    expect(storage.read('r1', 'd1')).toBeUndefined();
    expect(onAnswer).toHaveBeenCalledWith(current, null);
  });

  it('stops the whole page when the return is sealed, keeping unsaved edits', async () => {
    start();
    engine.edit('d1', (d) => ({ ...d, comment: 'a' }), true);
    engine.edit('d2', (d) => ({ ...d, comment: 'b' }));
    clock.advance(0);
    transport.calls[0]!.reject(new ApiRequestError(409, 'RETURN_SEALED', 'sealed'));
    await settle();
    clock.advance(60_000);
    expect(transport.calls).toHaveLength(1);
    const snapshot = engine.getSnapshot();
    expect(snapshot.stopped?.code).toBe('RETURN_SEALED');
    expect(snapshot.unsaved).toBe(2);
    expect(snapshot.domains.get('d2')?.phase).toBe('stopped');
    expect(storage.read('r1', 'd2')?.draft.comment).toBe('b');
    engine.resume();
    clock.advance(0);
    expect(transport.calls.map((call) => call.domainId).sort()).toEqual(['d1', 'd1', 'd2']);
  });

  it('shows a refusal on the domain and tries again after the next edit', async () => {
    start();
    engine.edit('d1', (d) => ({ ...d, evidenceIds: ['gone'] }), true);
    clock.advance(0);
    transport.calls[0]!.reject(
      new ApiRequestError(400, 'VALIDATION_FAILED', 'bad', [
        { field: 'evidenceIds', messages: ['not found'] },
      ]),
    );
    await settle();
    expect(engine.getSnapshot().domains.get('d1')?.phase).toBe('invalid');
    clock.advance(60_000);
    expect(transport.calls).toHaveLength(1);
    engine.edit('d1', (d) => ({ ...d, evidenceIds: [], comment: 'x' }));
    clock.advance(800);
    expect(transport.calls).toHaveLength(2);
  });

  it('restores an edit kept in storage after a reload and sends it on its original version', () => {
    storage.write('r1', 'd1', { draft: { ...EMPTY_DRAFT, comment: 'kept' }, baseVersion: 2 });
    start([answer('d1', 2, { comment: 'stored' })]);
    expect(engine.getSnapshot().domains.get('d1')).toMatchObject({ restored: true, unsaved: true });
    clock.advance(0);
    expect(transport.calls[0]?.request).toMatchObject({ baseVersion: 2, comment: 'kept' });
  });

  it('follows newer stored answers for clean domains only', () => {
    start([answer('d1', 1), answer('d2', 1)]);
    engine.edit('d2', (d) => ({ ...d, comment: 'typing' }));
    engine.sync(
      [answer('d1', 2, { comment: 'from elsewhere' }), answer('d2', 2, { comment: 'other' })],
      ['d1', 'd2'],
    );
    expect(engine.getSnapshot().domains.get('d1')?.draft.comment).toBe('from elsewhere');
    expect(engine.getSnapshot().domains.get('d2')?.draft.comment).toBe('typing');
  });

  it('takes the new version of a clean domain when evidence is removed, and saves the next edit on it', () => {
    start([answer('d1', 3, { comment: 'c', evidenceIds: ['ev1'] }), answer('d2', 1)]);
    // Removing ev1 takes it off d1's answer on the server, which moves d1's version on.
    engine.sync([answer('d1', 4, { comment: 'c', evidenceIds: [] }), answer('d2', 1)], ['d1', 'd2']);
    const view = engine.getSnapshot().domains.get('d1');
    expect(view).toMatchObject({ phase: 'saved', unsaved: false, stored: { version: 4 } });
    expect(view?.draft.evidenceIds).toEqual([]);
    clock.advance(5000);
    expect(transport.calls).toHaveLength(0);
    engine.edit('d1', (d) => ({ ...d, comment: 'c, more' }), true);
    clock.advance(0);
    expect(transport.calls[0]?.request).toMatchObject({
      baseVersion: 4,
      evidenceIds: [],
      comment: 'c, more',
    });
  });

  it('follows a newer stored answer seen while a save was in flight, once the save returns', async () => {
    start([answer('d1', 1, { evidenceIds: ['ev1'] })]);
    engine.edit('d1', (d) => ({ ...d, comment: 'mine' }), true);
    clock.advance(0);
    // The page reads the return while the save is in flight: the save landed (2), then ev1 was removed (3).
    engine.sync([answer('d1', 3, { comment: 'mine', evidenceIds: [] })], ['d1']);
    transport.calls[0]!.resolve(saved(transport.calls[0]!.request!, 'd1', 2));
    await settle();
    const view = engine.getSnapshot().domains.get('d1');
    expect(view).toMatchObject({ phase: 'saved', unsaved: false, stored: { version: 3 } });
    expect(view?.draft.evidenceIds).toEqual([]);
    engine.edit('d1', (d) => ({ ...d, comment: 'mine, again' }), true);
    clock.advance(0);
    expect(transport.calls[1]?.request).toMatchObject({ baseVersion: 3, evidenceIds: [] });
  });

  it('keeps an edit made while a save was in flight, even when a newer stored answer was seen', async () => {
    start([answer('d1', 1)]);
    engine.edit('d1', (d) => ({ ...d, comment: 'first' }), true);
    clock.advance(0);
    engine.sync([answer('d1', 3, { comment: 'someone else' })], ['d1']);
    engine.edit('d1', (d) => ({ ...d, comment: 'second' }));
    transport.calls[0]!.resolve(saved(transport.calls[0]!.request!, 'd1', 2));
    await settle();
    expect(engine.getSnapshot().domains.get('d1')?.draft.comment).toBe('second');
    clock.advance(0);
    // Sent on the version its own save returned: the server reports the conflict, nothing is overwritten.
    expect(transport.calls[1]?.request).toMatchObject({ baseVersion: 2, comment: 'second' });
  });

  it('confirms a carried-forward answer with its version', async () => {
    start([answer('d1', 5, { met: ['e1'] }, { toConfirm: true })]);
    engine.confirm('d1');
    clock.advance(0);
    expect(transport.calls[0]).toMatchObject({ kind: 'confirm', baseVersion: 5 });
    transport.calls[0]!.resolve({
      answer: answer('d1', 6, { met: ['e1'] }),
      state: 'draft',
      approvalsWithdrawn: 1,
    });
    await settle();
    expect(engine.getSnapshot().domains.get('d1')?.stored?.toConfirm).toBe(false);
    expect(onAnswer).toHaveBeenCalledTimes(1);
  });

  it('sends no elements for a domain answered not applicable', () => {
    start();
    engine.edit('d1', (d) => ({ ...d, met: ['e1'], notApplicable: true }), true);
    clock.advance(0);
    expect(transport.calls[0]?.request).toMatchObject({ met: [], notApplicable: true });
  });

  it('sends nothing while disabled (read-only)', () => {
    storage.write('r1', 'd1', { draft: { ...EMPTY_DRAFT, comment: 'kept' }, baseVersion: 0 });
    engine = new AutosaveEngine({ scope: 'r1', transport, storage, clock });
    engine.sync([], ['d1']);
    clock.advance(10_000);
    expect(transport.calls).toHaveLength(0);
    expect(storage.read('r1', 'd1')).toBeDefined();
  });
});
