import type { AuditEvent } from '@wgll/contracts';

import { isRole, roleLabels } from '../../lib/roles';

/** `retryAfterSeconds` → `Retry after seconds`. */
function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return isRole(value) ? roleLabels[value] : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  return JSON.stringify(value);
}

/** The event's details on one line: `Role: Trust lead; Scope code: RJ1`. Empty when there are none. */
export function describeDetails(details: AuditEvent['details']): string {
  return Object.entries(details)
    .map(([key, value]) => `${humanise(key)}: ${describeValue(value)}`)
    .join('; ');
}

/** Who or what the event was about: its label, or just what kind of thing (an id means little to people). */
export function describeTarget(target: AuditEvent['target']): string {
  if (!target) return '';
  return target.label ?? humanise(target.type);
}
