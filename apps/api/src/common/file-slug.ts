import type { ReadableReturn } from '@wgll/contracts';

/**
 * A file name's stem for a return, `<prefix>-rj1-acute-2025-26[-<suffix>]`: letters, digits and
 * hyphens only, safe in a header.
 */
export function fileSlug(prefix: string, r: ReadableReturn, suffix?: string): string {
  return [prefix, r.owner.code, r.careSetting ?? 'system', r.cycle.name, ...(suffix ? [suffix] : [])]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
