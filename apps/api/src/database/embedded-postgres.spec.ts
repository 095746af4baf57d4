import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { lockHolderAlive, parseLock, type ProcReader } from './embedded-postgres.js';

const stat = (pid: number, name: string, state: string, startTime: string) =>
  `${pid} (${name}) ${state} 1 1 1 0 -1 4194304 100 0 0 0 0 0 0 0 20 0 1 0 ${startTime} 3133440 392`;

/** A fake /proc holding the given files (and /proc/self/stat, so it looks like Linux). */
const fakeProc =
  (files: Record<string, string>): ProcReader =>
  (path) =>
    path === '/proc/self/stat' ? stat(1, 'self', 'R', '1') : files[path];

describe('the embedded database lock', () => {
  it('reads a lock with a start time, and a bare pid written by earlier versions', () => {
    expect(parseLock('{"pid":42,"startTime":"6459"}')).toEqual({ pid: 42, startTime: '6459' });
    expect(parseLock('42\n')).toEqual({ pid: 42 });
    expect(parseLock('{"pid":"42"}')).toBeUndefined();
    expect(parseLock('nonsense')).toBeUndefined();
  });

  it('takes a zombie (killed, not yet reaped) or a vanished process for a stale lock', () => {
    const proc = fakeProc({ '/proc/42/stat': stat(42, 'node main.js', 'Z', '6459') });
    expect(lockHolderAlive({ pid: 42, startTime: '6459' }, proc, () => true)).toBe(false);
    expect(lockHolderAlive({ pid: 42 }, proc, () => true)).toBe(false);
    // No /proc entry: gone (the signal finds nothing)...
    expect(lockHolderAlive({ pid: 43, startTime: '6459' }, proc, () => false)).toBe(false);
  });

  it('keeps the lock of a holder whose /proc entry is hidden from us (hidepid) but answers a signal', () => {
    const proc = fakeProc({ '/proc/42/stat': stat(42, 'node main.js', 'S', '6459') });
    expect(lockHolderAlive({ pid: 43, startTime: '6459' }, proc, () => true)).toBe(true);
  });

  it('takes a pid reused by another process for a stale lock (start time or command differ)', () => {
    const proc = fakeProc({
      '/proc/42/stat': stat(42, 'node', 'S', '9999'),
      '/proc/42/cmdline': 'bash\0-c\0sleep 1\0',
    });
    expect(lockHolderAlive({ pid: 42, startTime: '6459' }, proc)).toBe(false);
    expect(lockHolderAlive({ pid: 42 }, proc)).toBe(false);
  });

  it('keeps the lock of a live holder: same start time, or a node process for a bare pid', () => {
    const proc = fakeProc({
      '/proc/42/stat': stat(42, 'node (api)', 'S', '6459'),
      '/proc/42/cmdline': '/usr/local/bin/node\0apps/api/dist/main.js\0',
    });
    expect(lockHolderAlive({ pid: 42, startTime: '6459' }, proc)).toBe(true);
    expect(lockHolderAlive({ pid: 42 }, proc)).toBe(true);
  });

  it('falls back to a signal where there is no /proc', () => {
    const none: ProcReader = () => undefined;
    expect(lockHolderAlive({ pid: 42 }, none, () => true)).toBe(true);
    expect(lockHolderAlive({ pid: 42 }, none, () => false)).toBe(false);
  });

  const linux = existsSync('/proc/self/stat');
  (linux ? it : it.skip)(
    'on Linux, a real process killed with -9 and left unreaped is not taken for the holder',
    async () => {
      // The shell starts a child, then becomes `sleep`, which never reaps it: killed, it stays a zombie.
      const parent = spawn('sh', ['-c', 'sleep 60 & echo $!; exec sleep 30'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      try {
        const pid = await new Promise<number>((resolve) =>
          parent.stdout.once('data', (data: Buffer) => resolve(Number(String(data).trim()))),
        );
        const startTime = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]!;
        expect(lockHolderAlive({ pid, startTime })).toBe(true);
        process.kill(pid, 'SIGKILL');
        for (let i = 0; i < 100 && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z'); i++)
          await new Promise((resolve) => setTimeout(resolve, 20));
        expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toContain(') Z');
        expect(() => process.kill(pid, 0)).not.toThrow(); // what the old check relied on
        expect(lockHolderAlive({ pid, startTime })).toBe(false);
      } finally {
        parent.kill('SIGKILL');
      }
    },
    20_000,
  );
});
