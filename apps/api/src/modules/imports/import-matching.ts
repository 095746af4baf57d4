import type { FieldError } from '@wgll/contracts';
import type { PrimaryCareScore } from '../result-store/primary-care-scores.repository.js';
import type { PublishedScore } from '../result-store/results-writer.js';
import type { ParsedWorkbook } from './dma-workbook.js';
import { aliasKey, type Candidate, type NameMatch, type NameToMatch } from './name-matcher.js';

/**
 * The pure steps of an import between reading the file and storing its rows: which names to
 * match, which matches clash, what an administrator's confirmations change, and the rows to store.
 */

/** Organisations operating and ICBs existing on the cycle's reference date. */
export interface Candidates {
  organisations: Candidate[];
  ics: Candidate[];
}

/** An administrator's match for a published name. */
export interface ConfirmedMatch {
  kind: 'organisation' | 'ics';
  publishedName: string;
  odsCode: string;
}

const STATUS_ORDER = { unmatched: 0, doubtful: 1, matched: 2 } as const;

/** Unmatched names first, then doubtful, then matched, each by name. */
export const inReviewOrder = (names: NameMatch[]): NameMatch[] =>
  [...names].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.publishedName.localeCompare(b.publishedName),
  );

/** Each distinct name of the file (organisations with the ICS the file puts them in), with its row count. */
export function namesToMatch(workbook: ParsedWorkbook): NameToMatch[] {
  const names = new Map<string, NameToMatch>();
  const add = (kind: NameToMatch['kind'], publishedName: string, publishedIcs: string | null) => {
    const key = aliasKey(kind, publishedName);
    const found = names.get(key) ?? { kind, publishedName, publishedIcs, rows: 0 };
    found.rows += 1;
    names.set(key, found);
  };
  for (const r of [...workbook.providers, ...workbook.providerComparable])
    add('organisation', r.provider, r.ics);
  for (const r of [
    ...workbook.providers,
    ...workbook.providerComparable,
    ...workbook.icbs,
    ...workbook.icbComparable,
    ...(workbook.primaryCare ?? []),
  ]) {
    add('ics', r.ics, null);
  }
  return [...names.values()];
}

/**
 * Rows that, once names are codes, would be the same organisation and care setting (or ICB) twice:
 * the later row's name (`key`) and the earlier one's (`otherKey`).
 */
export function conflicts(
  workbook: ParsedWorkbook,
  names: readonly NameMatch[],
): Array<{ key: string; name: string; otherKey: string; other: string; odsCode: string }> {
  const code = new Map(names.map((n) => [n.key, n.match?.odsCode]));
  const nameOf = (key: string) => names.find((n) => n.key === key)!.publishedName;
  const found: Array<{ key: string; name: string; otherKey: string; other: string; odsCode: string }> = [];
  const check = (rows: Array<{ name: string; kind: 'organisation' | 'ics'; suffix: string }>) => {
    const seen = new Map<string, string>();
    for (const row of rows) {
      const key = aliasKey(row.kind, row.name);
      const odsCode = code.get(key);
      if (!odsCode) continue;
      const first = seen.get(`${odsCode}|${row.suffix}`);
      if (first !== undefined && first !== key) {
        found.push({ key, name: nameOf(key), otherKey: first, other: nameOf(first), odsCode });
      } else seen.set(`${odsCode}|${row.suffix}`, key);
    }
  };
  check(workbook.providers.map((r) => ({ name: r.provider, kind: 'organisation', suffix: r.careSetting })));
  check(
    workbook.providerComparable.map((r) => ({
      name: r.provider,
      kind: 'organisation',
      suffix: r.careSetting,
    })),
  );
  check(workbook.icbs.map((r) => ({ name: r.ics, kind: 'ics', suffix: '' })));
  check(workbook.icbComparable.map((r) => ({ name: r.ics, kind: 'ics', suffix: '' })));
  check((workbook.primaryCare ?? []).map((r) => ({ name: r.ics, kind: 'ics', suffix: '' })));
  return found;
}

/** Names that would put two rows on one organisation (or ICB) are doubtful: an administrator decides. */
export function markConflicts(workbook: ParsedWorkbook, names: NameMatch[]): NameMatch[] {
  const clashing = conflicts(workbook, names);
  return names.map((n) => {
    const clash = clashing.find((c) => c.key === n.key);
    return clash
      ? {
          ...n,
          status: 'doubtful' as const,
          reason: `${clash.odsCode} is also the match for ${clash.other} in the same rows.`,
        }
      : n;
  });
}

/**
 * The import's names with an administrator's matches applied, or what is wrong with them (each
 * beside the match it is about). `onDate` is the cycle's reference date as written to people.
 */
export function confirmMatches(
  workbook: ParsedWorkbook,
  current: readonly NameMatch[],
  matches: readonly ConfirmedMatch[],
  candidates: Candidates,
  onDate: string,
): { names: NameMatch[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const names = current.map((n) => ({ ...n }));
  const sentKeys = matches.map((m) => aliasKey(m.kind, m.publishedName));
  matches.forEach((m, i) => {
    const name = names.find((n) => n.key === sentKeys[i]);
    const candidate = (m.kind === 'ics' ? candidates.ics : candidates.organisations).find(
      (c) => c.odsCode === m.odsCode.trim().toUpperCase(),
    );
    const field = (part: string, message: string) =>
      errors.push({ field: `matches[${i}].${part}`, messages: [message] });
    if (!name) field('publishedName', `"${m.publishedName}" is not a name in this file`);
    else if (sentKeys.indexOf(name.key) !== i)
      field('publishedName', `"${m.publishedName}" is matched more than once`);
    else if (!candidate)
      field(
        'odsCode',
        `There is no ${m.kind === 'ics' ? 'ICB' : 'organisation'} ${m.odsCode} operating on ${onDate}, the cycle's reference date`,
      );
    else if (candidate.icsCode === null)
      field(
        'odsCode',
        `${candidate.odsCode} was in no ICS on ${onDate}, so its results could not be compared`,
      );
    else {
      Object.assign(name, {
        status: 'matched',
        reason: null,
        match: { odsCode: candidate.odsCode, name: candidate.name, method: 'confirmed' },
      });
    }
  });
  // Two names on one organisation (or ICB) in the same rows, one of them just confirmed: said
  // beside it, once for all the tables it clashes in. (A clash between names not sent stays
  // doubtful, so nothing is applied yet.)
  const clashes = new Map<string, string>();
  for (const conflict of errors.length > 0 ? [] : conflicts(workbook, names)) {
    const later = sentKeys.indexOf(conflict.key);
    const earlier = sentKeys.indexOf(conflict.otherKey);
    if (later < 0 && earlier < 0) continue;
    clashes.set(
      `matches[${later >= 0 ? later : earlier}].odsCode`,
      `${conflict.odsCode} is already the match for ${later >= 0 ? conflict.other : conflict.name} in the same rows`,
    );
  }
  for (const [field, message] of clashes) errors.push({ field, messages: [message] });
  return { names, errors };
}

/** The ODS codes of the file's organisations, as matched (every name must be matched). */
export function matchedOrganisationCodes(workbook: ParsedWorkbook, names: readonly NameMatch[]): string[] {
  const code = new Map(names.map((n) => [n.key, n.match?.odsCode]));
  return [...new Set(workbook.providers.map((r) => code.get(aliasKey('organisation', r.provider))!))];
}

/**
 * The rows to store as the cycle's published results, once every name is matched. Organisations are
 * compared in the ICS the hierarchy places them in for the cycle (`placed`), as access is decided;
 * one in no ICS is left out (confirming refuses it; the matcher leaves such a name doubtful).
 */
export function publishedRows(
  workbook: ParsedWorkbook,
  names: readonly NameMatch[],
  placed: ReadonlyMap<string, string>,
): PublishedScore[] {
  const code = new Map(names.map((n) => [n.key, n.match?.odsCode]));
  const org = (name: string) => code.get(aliasKey('organisation', name))!;
  const ics = (name: string) => code.get(aliasKey('ics', name))!;
  const comparable = new Map(
    workbook.providerComparable.map((r) => [`${org(r.provider)}|${r.careSetting}`, r] as const),
  );
  const icbComparable = new Map(workbook.icbComparable.map((r) => [ics(r.ics), r] as const));
  return [
    ...workbook.providers
      .filter((r) => placed.has(org(r.provider)))
      .map((r) => {
        const c = comparable.get(`${org(r.provider)}|${r.careSetting}`);
        return {
          level: 'organisation' as const,
          organisationCode: org(r.provider),
          icsCode: placed.get(org(r.provider))!,
          careSetting: r.careSetting,
          measures: r.measures,
          comparableOverall: c?.current ?? null,
          previousComparableOverall: c?.previous ?? null,
        };
      }),
    ...workbook.icbs.map((r) => {
      const c = icbComparable.get(ics(r.ics));
      return {
        level: 'system' as const,
        organisationCode: null,
        icsCode: ics(r.ics),
        careSetting: null,
        measures: r.measures,
        comparableOverall: c?.current ?? null,
        previousComparableOverall: c?.previous ?? null,
      };
    }),
  ];
}

/** The ICBs' primary care survey scores to store, once every name is matched (none without the sheet). */
export function primaryCareRows(workbook: ParsedWorkbook, names: readonly NameMatch[]): PrimaryCareScore[] {
  const code = new Map(names.map((n) => [n.key, n.match?.odsCode]));
  return (workbook.primaryCare ?? []).map((r) => ({
    icsCode: code.get(aliasKey('ics', r.ics))!,
    measures: r.measures,
  }));
}
