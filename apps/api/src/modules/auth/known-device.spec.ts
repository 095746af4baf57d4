import { describe, expect, it } from '@jest/globals';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadConfig } from '../../config/app-config.js';
import { CookieWriter } from '../access/cookies.js';
import { DEVICE_COOKIE, KnownDevices } from './known-device.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

/** Remembers the browser for `email` and returns the cookie value the reply would set. */
function remembered(devices: KnownDevices, email: string, existing?: string): string {
  const set: string[] = [];
  const request = { cookies: existing ? { [DEVICE_COOKIE]: existing } : {}, hostname: 'localhost' };
  const reply = { setCookie: (_name: string, value: string) => set.push(value) };
  devices.remember(request as unknown as FastifyRequest, reply as unknown as FastifyReply, email);
  return set[0]!;
}

const requestWith = (value: string) => ({ cookies: { [DEVICE_COOKIE]: value } }) as unknown as FastifyRequest;

describe('KnownDevices', () => {
  const devices = new KnownDevices(SECRET, new CookieWriter(loadConfig({})));

  it('vouches for the email it was set for (as typed, any case), and no other', () => {
    const cookie = remembered(devices, 'Owner@NHS.example');
    const id = devices.deviceFor(requestWith(cookie), '  owner@nhs.example ');
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(devices.deviceFor(requestWith(cookie), 'someone-else@nhs.example')).toBeNull();
  });

  it('keeps the device id when the browser signs in again, and a new one for another account', () => {
    const first = remembered(devices, 'owner@nhs.example');
    const again = remembered(devices, 'owner@nhs.example', first);
    expect(again.split('.')[0]).toBe(first.split('.')[0]);
    const other = remembered(devices, 'other@nhs.example', first);
    expect(other.split('.')[0]).not.toBe(first.split('.')[0]);
  });

  it('refuses a changed expiry, signature or id, an expired cookie, and one signed with another secret', () => {
    const cookie = remembered(devices, 'owner@nhs.example');
    const [id, expires, signature] = cookie.split('.') as [string, string, string];
    const other = new KnownDevices(`${SECRET}-other`, new CookieWriter(loadConfig({})));
    const refused = [
      `${id}.${Number(expires) + 1}.${signature}`,
      `${id}.${expires}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
      `${'B'.repeat(22)}.${expires}.${signature}`,
      `${id}.${expires}`,
      '',
      'x.y.z',
    ];
    for (const value of refused)
      expect(devices.deviceFor(requestWith(value), 'owner@nhs.example')).toBeNull();
    expect(other.deviceFor(requestWith(cookie), 'owner@nhs.example')).toBeNull();
    const past = new KnownDevices(SECRET, new CookieWriter(loadConfig({})));
    const realNow = Date.now;
    try {
      Date.now = () => realNow() - 100 * 86_400_000; // remembered 100 days ago: 90 days' life
      const old = remembered(past, 'owner@nhs.example');
      Date.now = realNow;
      expect(devices.deviceFor(requestWith(old), 'owner@nhs.example')).toBeNull();
    } finally {
      Date.now = realNow;
    }
  });
});
