import type { CareSetting, MembershipBasis, OperatingStatus, ReturnState, TrustType } from '@wgll/contracts';

export const trustTypeLabels: Record<TrustType, string> = {
  acute: 'Acute',
  'acute-specialist': 'Acute specialist',
  'mental-health-ld': 'Mental health and learning disability',
  community: 'Community',
  ambulance: 'Ambulance',
};

export const trustTypes = Object.keys(trustTypeLabels) as TrustType[];

export function isTrustType(value: string): value is TrustType {
  return Object.hasOwn(trustTypeLabels, value);
}

export const careSettingLabels: Record<CareSetting, string> = {
  acute: 'Acute',
  community: 'Community',
  'mental-health': 'Mental health',
  ambulance: 'Ambulance',
};

export const careSettings = Object.keys(careSettingLabels) as CareSetting[];

export function isCareSetting(value: string | null | undefined): value is CareSetting {
  return typeof value === 'string' && Object.hasOwn(careSettingLabels, value);
}

export const statusLabels: Record<OperatingStatus, string> = {
  open: 'Open',
  closed: 'Closed',
  'not-yet-open': 'Not yet open',
};

export const basisLabels: Record<MembershipBasis, string> = {
  assessment: 'Assessment',
  headquarters: 'Headquarters',
};

export const returnStateLabels: Record<ReturnState, string> = {
  draft: 'Draft',
  'awaiting-approval': 'Awaiting board approval',
  approved: 'Approved by the board',
  submitted: 'Submitted',
};

/**
 * `1,205`: a whole number with thousands separators as en-GB writes them, without starting the
 * browser's number formatting (slow the first time on a phone); other numbers through it.
 */
function formatCount(count: number): string {
  if (!Number.isSafeInteger(count)) return count.toLocaleString('en-GB');
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 organisation`, `205 organisations`. */
export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** ODS names in capitals, in title case for reading (shared with the board pack). */
export { readableName } from '@wgll/scoring';

/** `0.457` → `46%`: a share (0–1) as a whole percentage. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** `a trust lead` → `A trust lead`, to start a sentence. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Joins sentences, each ending with one full stop: `A.` + `B` → `A. B`. */
export function sentences(...parts: string[]): string {
  return parts
    .map((part) => part.trim().replace(/\.+$/, ''))
    .filter(Boolean)
    .join('. ');
}
