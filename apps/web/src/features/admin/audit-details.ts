import type { AuditEvent } from '@wgll/contracts';

import { formatDate, formatDateTime } from '../../lib/dates';
import { describeEvent } from '../../lib/event-descriptions';
import { careSettingLabels, isCareSetting } from '../../lib/format';
import { isRole, roleLabels } from '../../lib/roles';

/** `retryAfterSeconds` → `Retry after seconds`. */
function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A value in words: roles and care settings by name, dates as dates, long numbers rounded, never JSON. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    if (isRole(value)) return roleLabels[value];
    if (isCareSetting(value)) return careSettingLabels[value];
    if (ISO_DAY.test(value)) return formatDate(value);
    if (ISO_TIME.test(value)) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number') return numbers.format(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(describeValue).join(', ');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return 'none';
  return entries.map(([key, item]) => `${lowerFirst(humanise(key))} ${describeValue(item)}`).join(', ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One detail as a sentence: `Role: Trust lead.`, or `Display name changed from Jo to Joanne.` */
function describeEntry(key: string, value: unknown): string {
  if (isRecord(value) && 'before' in value && 'after' in value && Object.keys(value).length === 2) {
    return `${humanise(key)} changed from ${describeValue(value['before'])} to ${describeValue(value['after'])}.`;
  }
  return `${humanise(key)}: ${describeValue(value)}.`;
}

/**
 * The event's details as sentences: `Role: Trust lead. Scope code: RJ1.` Returns' events say what
 * changed as their history page does. Empty when there are none.
 */
export function describeDetails(details: AuditEvent['details'], event?: AuditEvent): string {
  if (event?.action.startsWith('return.')) {
    const { change } = describeEvent(event, () => undefined);
    if (change !== undefined) return change.endsWith('.') ? change : `${change}.`;
  }
  const { before, after, ...rest } = details;
  const sentences = Object.entries(rest).map(([key, value]) => describeEntry(key, value));
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (key) => describeValue(before[key]) !== describeValue(after[key]),
    );
    for (const key of keys) {
      sentences.push(
        `${humanise(key)} changed from ${describeValue(before[key])} to ${describeValue(after[key])}.`,
      );
    }
  } else {
    if (before !== undefined) sentences.push(describeEntry('before', before));
    if (after !== undefined) sentences.push(describeEntry('after', after));
  }
  return sentences.join(' ');
}

/** Who did it: the account's name where it has one (as other pages show people), else what was recorded. */
export function describeActor(actor: AuditEvent['actor']): string {
  if (!actor) return 'Nobody signed in';
  return actor.name ?? actor.label;
}

/** Who or what the event was about: a person's name, else its label, or just what kind of thing (an id means little to people). */
export function describeTarget(target: AuditEvent['target']): string {
  if (!target) return '';
  return target.name ?? target.label ?? humanise(target.type);
}
