import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NotificationKind } from '@wgll/contracts';
import { isNotificationKind } from './notification-kinds.js';

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');

/**
 * A one-click unsubscribe token: the person and the kind, signed with the app's secret (HMAC-SHA256),
 * so it works without signing in and cannot be forged or moved to another person or kind. It does
 * not expire: an e-mail's unsubscribe link should work as long as the e-mail is kept.
 */
export function unsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  const payload = Buffer.from(`${userId}:${kind}`).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The person and kind of a token; null when it is malformed or its signature is wrong. */
export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; kind: NotificationKind } | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, kind] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
  if (!userId || !/^[0-9a-f-]{36}$/i.test(userId) || !isNotificationKind(kind)) return null;
  return { userId, kind };
}
