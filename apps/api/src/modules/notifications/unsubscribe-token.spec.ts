import { describe, expect, it } from '@jest/globals';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.js';

const SECRET = 's'.repeat(48);
const USER = '0b7f4a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('unsubscribe tokens', () => {
  it('read back the person and kind they were made for', () => {
    const token = unsubscribeToken(SECRET, USER, 'return-sealed');
    expect(readUnsubscribeToken(SECRET, token)).toEqual({ userId: USER, kind: 'return-sealed' });
  });

  it('refuse a changed signature, person or kind, another secret, and nonsense', () => {
    const token = unsubscribeToken(SECRET, USER, 'return-sealed');
    const [payload, signature] = token.split('.') as [string, string];
    const other = Buffer.from(`${USER.replace('0b', '0c')}:return-sealed`).toString('base64url');
    const kind = Buffer.from(`${USER}:return-declined`).toString('base64url');
    for (const bad of [
      `${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      `${other}.${signature}`,
      `${kind}.${signature}`,
      `${payload}.${signature}.x`,
      payload,
      '',
      '.',
    ]) {
      expect(readUnsubscribeToken(SECRET, bad)).toBeNull();
    }
    expect(readUnsubscribeToken('t'.repeat(48), token)).toBeNull();
  });
});
