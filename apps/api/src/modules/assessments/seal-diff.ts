import type { ReturnState, SealDifference, SealDifferenceKind, SealLiveComparison } from '@wgll/contracts';
import { canonicalJson } from '../../common/canonical-json.js';
import type { SealedScoreColumns } from '../result-store/result-scores.reader.js';
import { sealedScoreColumns } from '../result-store/result-scores.reader.js';
import type { SealedAnswer, SealedEvidence, SealedReturn } from './seal-snapshot.js';

/** The live side of a seal check: the snapshot rebuilt from the live rows, and what it cannot hold. */
export interface LiveSeal {
  /** Built by buildSealedReturn from the live rows of the sealed revision. */
  snapshot: SealedReturn;
  /** The return's state and revision now. */
  state: ReturnState;
  revision: number;
  /** False after a reopening: the live answers then belong to the newer revision. */
  answersCompared: boolean;
  /** SHA-256 of each stored evidence file's bytes, computed now (files only). */
  fileHashes: ReadonlyMap<string, string | null>;
  /** The result_score row of the sealed revision; null when none is kept (a later seal replaced it). */
  scores: SealedScoreColumns | null;
}

const ANSWER_FIELDS: [keyof SealedAnswer, string][] = [
  ['measure', 'the measure'],
  ['met', 'the elements met'],
  ['notApplicable', '"not applicable"'],
  ['noneMet', '"none of these is met yet"'],
  ['comment', 'the comment'],
  ['confidence', 'the confidence'],
  ['evidenceIds', 'the evidence cited'],
];

const EVIDENCE_FIELDS: [keyof SealedEvidence, string][] = [
  ['kind', 'the kind'],
  ['title', 'the title'],
  ['url', 'the link'],
  ['fileName', 'the file name'],
  ['mediaType', 'the file type'],
  ['sizeBytes', 'the file size'],
  ['sha256', 'the recorded file hash'],
];

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** "a", "a and b", "a, b and c". */
export function listInEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function compareAnswers(sealed: readonly SealedAnswer[], live: readonly SealedAnswer[]): SealDifference[] {
  const differences: SealDifference[] = [];
  const liveByDomain = byKey(live, (a) => a.domainId);
  const sealedByDomain = byKey(sealed, (a) => a.domainId);
  const domains = [...new Set([...sealedByDomain.keys(), ...liveByDomain.keys()])].sort();
  for (const id of domains) {
    const s = sealedByDomain.get(id);
    const l = liveByDomain.get(id);
    let message: string | null = null;
    if (s && !l) message = `Domain ${id}: answered in the sealed copy, but has no answer now.`;
    else if (!s && l) message = `Domain ${id}: has an answer now, but none in the sealed copy.`;
    else if (s && l) {
      const changed = ANSWER_FIELDS.filter(([field]) => !same(s[field], l[field])).map(([, label]) => label);
      if (changed.length > 0) {
        const details: string[] = [];
        const added = l.met.filter((e) => !s.met.includes(e));
        const removed = s.met.filter((e) => !l.met.includes(e));
        if (added.length > 0) details.push(`now also met: ${added.join(', ')}`);
        if (removed.length > 0) details.push(`no longer met: ${removed.join(', ')}`);
        if (s.confidence !== l.confidence)
          details.push(`confidence sealed ${s.confidence ?? 'none'}, now ${l.confidence ?? 'none'}`);
        message =
          `Domain ${id}: ${listInEnglish(changed)} ${changed.length === 1 ? 'differs' : 'differ'} from the sealed copy` +
          (details.length > 0 ? ` (${details.join('; ')}).` : '.');
      }
    }
    if (message) differences.push({ kind: 'answer', id, message });
  }
  return differences;
}

function evidenceName(e: SealedEvidence): string {
  return `"${e.title}"`;
}

function compareEvidence(
  sealed: readonly SealedEvidence[],
  live: readonly SealedEvidence[],
  fileHashes: ReadonlyMap<string, string | null>,
): SealDifference[] {
  const differences: SealDifference[] = [];
  const liveById = byKey(live, (e) => e.id);
  const sealedIds = new Set(sealed.map((e) => e.id));
  for (const s of sealed) {
    const l = liveById.get(s.id);
    if (!l) {
      differences.push({
        kind: 'evidence',
        id: s.id,
        message: `Evidence ${evidenceName(s)}: in the sealed copy, but no longer stored with the return.`,
      });
      continue;
    }
    const changed = EVIDENCE_FIELDS.filter(([field]) => !same(s[field], l[field])).map(([, label]) => label);
    if (changed.length > 0) {
      differences.push({
        kind: 'evidence',
        id: s.id,
        message: `Evidence ${evidenceName(s)}: ${listInEnglish(changed)} ${changed.length === 1 ? 'differs' : 'differ'} from the sealed copy.`,
      });
    } else if (s.kind === 'file' && fileHashes.has(s.id) && fileHashes.get(s.id) !== s.sha256) {
      differences.push({
        kind: 'evidence',
        id: s.id,
        message: `Evidence ${evidenceName(s)}: the stored file's contents no longer match the sealed file.`,
      });
    }
  }
  for (const l of live) {
    if (!sealedIds.has(l.id)) {
      differences.push({
        kind: 'evidence',
        id: l.id,
        message: `Evidence ${evidenceName(l)}: stored with the return now, but not in the sealed copy.`,
      });
    }
  }
  return differences;
}

type SealedApproval = SealedReturn['approvals'][number];

function approvalKey(a: SealedApproval): string {
  return canonicalJson([a.approver.id, a.meetingDate, a.minuteReference, a.approvedAt]);
}

function compareApprovals(
  sealed: readonly SealedApproval[],
  live: readonly SealedApproval[],
): SealDifference[] {
  const liveKeys = new Set(live.map(approvalKey));
  const sealedKeys = new Set(sealed.map(approvalKey));
  const describe = (a: SealedApproval) =>
    `The board approval by ${a.approver.displayName || a.approver.id} (meeting ${a.meetingDate}, minute ${a.minuteReference})`;
  return [
    ...sealed
      .filter((a) => !liveKeys.has(approvalKey(a)))
      .map((a) => ({
        kind: 'approval' as const,
        id: a.approver.id,
        message: `${describe(a)} is in the sealed copy, but not recorded now.`,
      })),
    ...live
      .filter((a) => !sealedKeys.has(approvalKey(a)))
      .map((a) => ({
        kind: 'approval' as const,
        id: a.approver.id,
        message: `${describe(a)} is recorded now, but not in the sealed copy.`,
      })),
  ];
}

const EPSILON = 1e-9;
const sameNumber = (a: number | null | undefined, b: number | null | undefined): boolean =>
  a === null || a === undefined || b === null || b === undefined
    ? (a ?? null) === (b ?? null)
    : Math.abs(a - b) <= EPSILON;
const shown = (n: number | null | undefined): string => (n === null || n === undefined ? 'none' : String(n));

function compareScores(sealed: SealedReturn['scores'], stored: SealedScoreColumns): SealDifference[] {
  const expected = sealedScoreColumns(sealed);
  const differences: SealDifference[] = [];
  if (!sameNumber(expected.overall, stored.overall)) {
    differences.push({
      kind: 'score',
      id: 'overall',
      message: `Overall score: ${shown(expected.overall)} in the sealed copy, ${shown(stored.overall)} in the stored results.`,
    });
  }
  const measures = [
    ...new Set([...Object.keys(expected.measures), ...Object.keys(stored.measures)]),
  ].sort() as (keyof SealedScoreColumns['measures'])[];
  for (const m of measures) {
    if (!sameNumber(expected.measures[m], stored.measures[m])) {
      differences.push({
        kind: 'score',
        id: m,
        message: `Measure ${m}: scored ${shown(expected.measures[m])} in the sealed copy, ${shown(stored.measures[m])} in the stored results.`,
      });
    }
  }
  const domains = [
    ...new Set([...Object.keys(expected.domainLevels), ...Object.keys(stored.domainLevels)]),
  ].sort();
  for (const d of domains) {
    const inSealed = d in expected.domainLevels;
    const inStored = d in stored.domainLevels;
    if (inSealed !== inStored || !sameNumber(expected.domainLevels[d], stored.domainLevels[d])) {
      differences.push({
        kind: 'score',
        id: d,
        message: `Domain ${d}: level ${inSealed ? shown(expected.domainLevels[d]) : 'unanswered'} in the sealed copy, ${inStored ? shown(stored.domainLevels[d]) : 'unanswered'} in the stored results.`,
      });
    }
  }
  return differences;
}

function compareReturn(sealed: SealedReturn, live: LiveSeal): SealDifference[] {
  const s = sealed.return;
  const l = live.snapshot.return;
  const differences: SealDifference[] = [];
  const field = (id: string, label: string, a: string | null, b: string | null) => {
    if (!same(a, b)) {
      differences.push({
        kind: 'return',
        id,
        message: `The return's ${label} differs from the sealed copy (sealed: ${a ?? 'none'}; now: ${b ?? 'none'}).`,
      });
    }
  };
  field('cycle', 'cycle', s.cycle.id, l.cycle.id);
  field('level', 'level', s.level, l.level);
  field('owner', 'owner', `${s.owner.type} ${s.owner.code}`, `${l.owner.type} ${l.owner.code}`);
  field('careSetting', 'care setting', s.careSetting, l.careSetting);
  if (live.revision < s.revision) {
    differences.push({
      kind: 'return',
      id: 'revision',
      message: `The return is at revision ${live.revision} now, before this sealed revision ${s.revision}: revisions only move forward.`,
    });
  } else if (live.revision === s.revision && live.state !== 'submitted') {
    differences.push({
      kind: 'return',
      id: 'state',
      message: `Revision ${s.revision} was sealed, but the return is now marked as ${live.state} at that revision: only a reopening, which starts a new revision, may change it.`,
    });
  }
  return differences;
}

/** Compares the live rows of a sealed revision with the sealed copy, part by part. */
export function compareLive(sealed: SealedReturn, live: LiveSeal): SealLiveComparison {
  const compared: SealDifferenceKind[] = ['return', 'framework'];
  const differences = compareReturn(sealed, live);
  const sf = sealed.framework;
  const lf = live.snapshot.framework;
  if (!same(sf, lf)) {
    differences.push({
      kind: 'framework',
      id: `${sf.frameworkId} ${sf.version}`,
      message: `The framework version answered (${sf.frameworkId} version ${sf.version}) no longer matches the one sealed.`,
    });
  }
  const notes: string[] = [];
  if (live.answersCompared) {
    compared.push('answer');
    differences.push(...compareAnswers(sealed.answers, live.snapshot.answers));
  } else {
    notes.push(
      live.revision > sealed.return.revision
        ? `The return has been reopened as revision ${live.revision}, so its answers now belong to that revision and were not compared.`
        : `The return's answers belong to revision ${live.revision}, not this sealed revision, so they were not compared.`,
    );
  }
  compared.push('evidence', 'approval');
  differences.push(...compareEvidence(sealed.evidence, live.snapshot.evidence, live.fileHashes));
  differences.push(...compareApprovals(sealed.approvals, live.snapshot.approvals));
  if (live.scores) {
    compared.push('score');
    differences.push(...compareScores(sealed.scores, live.scores));
  } else {
    notes.push(
      live.revision > sealed.return.revision
        ? "The results no longer keep this revision's scores (a later seal replaced them), so they were not compared."
        : 'The results keep no scores for this revision (the organisation was outside every ICS when it was sealed), so they were not compared.',
    );
  }
  return {
    matches: differences.length === 0,
    compared,
    differences,
    note: notes.length > 0 ? notes.join(' ') : null,
  };
}

const KIND_NOUNS: Record<SealDifferenceKind, [string, string]> = {
  return: ["the return's details", "the return's details"],
  framework: ['the framework', 'the framework'],
  answer: ['answer', 'answers'],
  evidence: ['evidence item', 'evidence items'],
  approval: ['approval', 'approvals'],
  score: ['score', 'scores'],
};

/** "3 answers and 1 score". */
export function countDifferences(differences: readonly SealDifference[]): string {
  const parts: string[] = [];
  for (const kind of Object.keys(KIND_NOUNS) as SealDifferenceKind[]) {
    const n = differences.filter((d) => d.kind === kind).length;
    if (n === 0) continue;
    const [one, many] = KIND_NOUNS[kind];
    parts.push(kind === 'return' || kind === 'framework' ? one : `${n} ${n === 1 ? one : many}`);
  }
  return listInEnglish(parts);
}

/** The stored copy: `intact`; `changed` (it fails its stored hash); `replaced` (copy and stored hash
 * agree, but not with the hash the audit log recorded at sealing). */
export type SealCopyState = 'intact' | 'changed' | 'replaced';

const COPY_SENTENCES: Record<SealCopyState, string> = {
  intact: 'Sealed copy intact',
  changed: 'Sealed copy changed: it no longer matches the hash recorded when the return was sealed',
  replaced: 'Sealed copy replaced: its hash is not the one the audit log recorded when the return was sealed',
};

/** The check in one sentence: "Sealed copy intact; live data differs in 3 answers." */
export function sealSummary(copy: SealCopyState, live: SealLiveComparison | null): string {
  const sentence = COPY_SENTENCES[copy];
  if (!live) return `${sentence}; the live data could not be compared with it.`;
  if (live.matches) return `${sentence}; live data matches it.`;
  return `${sentence}; live data differs in ${countDifferences(live.differences)}.`;
}
