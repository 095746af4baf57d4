import type { ImportName, MatchMethod, MatchSuggestion } from '@wgll/contracts';
import { distance } from 'fastest-levenshtein';

/**
 * Names compared as the DMA file and ODS write them differently: case, "&", apostrophes, other
 * punctuation and "National Health Service" spelled out do not count.
 */
export function normaliseName(name: string): string {
  return name
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/['’]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .replace(/\bNATIONAL HEALTH SERVICE\b/g, 'NHS')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An organisation or ICB a published name may match, with its ICS in the cycle's hierarchy. */
export interface Candidate {
  odsCode: string;
  name: string;
  previousNames: string[];
  /** Organisations: their assessment ICS on the cycle's reference date. */
  icsCode: string | null;
}

/** A name of the file as matched: the contract's ImportName, keyed by kind and normalised name. */
export interface NameMatch extends ImportName {
  key: string;
}

export interface NameToMatch {
  kind: 'organisation' | 'ics';
  publishedName: string;
  publishedIcs: string | null;
  rows: number;
}

type Aliases = ReadonlyMap<string, string>;

/**
 * How alike two normalised names are, 0–1: mostly their shared words weighted by rarity (catches
 * abbreviations and reordering: "SALISBURY" tells more than "NHS" or "TRUST"; words no candidate
 * uses, like "FT", tell nothing), partly their edit-distance similarity (catches misspellings).
 */
function similarity(a: string, b: string, weight: (word: string) => number): number {
  const longest = Math.max(a.length, b.length);
  const edits = longest === 0 ? 1 : 1 - distance(a, b) / longest;
  const wordsA = new Set(a.split(' '));
  const wordsB = new Set(b.split(' '));
  const union = new Set([...wordsA, ...wordsB]);
  const total = [...union].reduce((sum, w) => sum + weight(w), 0);
  const shared = [...wordsA].filter((w) => wordsB.has(w)).reduce((sum, w) => sum + weight(w), 0);
  return (2 * (total === 0 ? 0 : shared / total) + edits) / 3;
}

/** Rarer words weigh more (inverse document frequency over the candidates' names); unknown words nothing. */
function wordWeights(candidates: readonly Candidate[]): (word: string) => number {
  const frequency = new Map<string, number>();
  for (const c of candidates) {
    for (const word of new Set(normaliseName(c.name).split(' ')))
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  return (word) => {
    const n = frequency.get(word);
    return n === undefined ? 0 : Math.log((candidates.length + 1) / n);
  };
}

function suggestions(name: string, candidates: readonly Candidate[], exclude?: string): MatchSuggestion[] {
  const weight = wordWeights(candidates);
  return candidates
    .filter((c) => c.odsCode !== exclude)
    .map((c) => ({
      odsCode: c.odsCode,
      name: c.name,
      similarity: Math.max(
        ...[c.name, ...c.previousNames].map((n) => similarity(name, normaliseName(n), weight)),
      ),
    }))
    .sort((a, b) => b.similarity - a.similarity || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((s) => ({ ...s, similarity: Math.round(s.similarity * 100) / 100 }));
}

export const aliasKey = (kind: NameToMatch['kind'], publishedName: string): string =>
  `${kind}:${normaliseName(publishedName)}`;

/**
 * Matches each distinct name of the file to one ODS code: an alias an administrator confirmed
 * before, then the current name, then a previous name. ICS names are matched first, so an
 * organisation matched to a trust whose ICS in our hierarchy is not the ICS the file names is
 * "doubtful" (the administrator confirms it); a name matching several organisations is doubtful too.
 */
export function matchNames(
  names: readonly NameToMatch[],
  candidates: { organisations: readonly Candidate[]; ics: readonly Candidate[] },
  aliases: Aliases,
): NameMatch[] {
  const indexes = {
    organisation: index(candidates.organisations),
    ics: index(candidates.ics),
  };
  const icsMatches = new Map<string, string | null>();
  const ordered = [...names].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'ics' ? -1 : 1));
  const results: NameMatch[] = [];
  for (const name of ordered) {
    const key = aliasKey(name.kind, name.publishedName);
    const normalised = normaliseName(name.publishedName);
    const pool = name.kind === 'ics' ? candidates.ics : candidates.organisations;
    const base = {
      key,
      kind: name.kind,
      publishedName: name.publishedName,
      publishedIcs: name.publishedIcs,
      rows: name.rows,
    };
    const found = find(normalised, indexes[name.kind], aliases.get(key), pool);
    if (found.length !== 1) {
      const ambiguous = found.length > 1;
      results.push({
        ...base,
        status: ambiguous ? 'doubtful' : 'unmatched',
        reason: ambiguous
          ? `The name matches ${found.length} organisations.`
          : `No ${name.kind === 'ics' ? 'ICB' : 'organisation'} has this name, now or before a rename.`,
        match: null,
        suggestions: ambiguous
          ? found.map(({ candidate }) => ({
              odsCode: candidate.odsCode,
              name: candidate.name,
              similarity: 1,
            }))
          : suggestions(normalised, pool),
      });
      if (name.kind === 'ics') icsMatches.set(normalised, null);
      continue;
    }
    const { candidate, method } = found[0]!;
    const match = { odsCode: candidate.odsCode, name: candidate.name, method };
    if (name.kind === 'ics') icsMatches.set(normalised, candidate.odsCode);
    const expectedIcs = name.publishedIcs ? icsMatches.get(normaliseName(name.publishedIcs)) : undefined;
    const icsDisagrees =
      name.kind === 'organisation' &&
      method !== 'confirmed-before' &&
      expectedIcs &&
      candidate.icsCode !== expectedIcs;
    results.push({
      ...base,
      status: icsDisagrees ? 'doubtful' : 'matched',
      reason: icsDisagrees
        ? `In this cycle's hierarchy ${candidate.name} is in ${candidate.icsCode ?? 'no ICS'}, but the file places it in ${expectedIcs}. Its results will be compared in ${candidate.icsCode ?? 'no ICS'}.`
        : null,
      match,
      suggestions: icsDisagrees ? suggestions(normalised, pool, candidate.odsCode) : [],
    });
  }
  return results;
}

interface Found {
  candidate: Candidate;
  method: MatchMethod;
}

function index(candidates: readonly Candidate[]): Map<string, Found[]> {
  const byName = new Map<string, Found[]>();
  const add = (name: string, found: Found) => {
    const key = normaliseName(name);
    const list = byName.get(key) ?? [];
    if (!list.some((f) => f.candidate.odsCode === found.candidate.odsCode)) list.push(found);
    byName.set(key, list);
  };
  for (const candidate of candidates) add(candidate.name, { candidate, method: 'name' });
  for (const candidate of candidates) {
    for (const previous of candidate.previousNames) add(previous, { candidate, method: 'previous-name' });
  }
  return byName;
}

function find(
  normalised: string,
  byName: Map<string, Found[]>,
  alias: string | undefined,
  pool: readonly Candidate[],
): Found[] {
  const confirmed = alias ? pool.find((c) => c.odsCode === alias) : undefined;
  if (confirmed) return [{ candidate: confirmed, method: 'confirmed-before' }];
  return byName.get(normalised) ?? [];
}
