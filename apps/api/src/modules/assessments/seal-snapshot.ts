import type { Confidence, ReturnLevel, ReturnOwner, ReturnScores } from '@wgll/contracts';
import type { CareSetting, FrameworkVersion } from '@wgll/framework';
import { canonicalJson, sha256Hex } from '../../common/canonical-json.js';

/**
 * The formats of a sealed copy, oldest first; new seals are written in the last. A seal is checked
 * against the live rows rebuilt in its own format, so a seal written before a field existed still
 * matches. /2 added each answer's `noneMet`.
 */
export const SEAL_FORMATS = ['wgll-sealed-return/1', 'wgll-sealed-return/2'] as const;
export type SealFormat = (typeof SEAL_FORMATS)[number];
export const SEAL_FORMAT: SealFormat = 'wgll-sealed-return/2';

export interface SealedAnswer {
  domainId: string;
  measure: string;
  met: string[];
  notApplicable: boolean;
  /** "None of these is met yet", confirmed; from format /2 (absent from earlier seals). */
  noneMet?: boolean;
  comment: string;
  confidence: Confidence | null;
  evidenceIds: string[];
}

export interface SealedEvidence {
  id: string;
  kind: 'link' | 'file';
  title: string;
  url: string | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
}

export interface SealedPerson {
  id: string;
  displayName: string;
  email: string;
}

/** Everything a submitted revision stands for, frozen as canonical JSON. */
export interface SealedReturn {
  format: SealFormat;
  return: {
    id: string;
    cycle: { id: string; name: string; referenceDate: string };
    level: ReturnLevel;
    owner: ReturnOwner;
    careSetting: CareSetting | null;
    revision: number;
  };
  /** The framework version answered, with the SHA-256 of its canonical JSON. */
  framework: { frameworkId: string; version: string; sha256: string };
  answers: SealedAnswer[];
  evidence: SealedEvidence[];
  scores: ReturnScores;
  approvals: { approver: SealedPerson; meetingDate: string; minuteReference: string; approvedAt: string }[];
  submittedBy: SealedPerson;
  submittedAt: string;
}

/** The rows a snapshot is built from: at sealing, and again from the live rows when a seal is checked. */
export interface SealSource {
  return: SealedReturn['return'];
  framework: FrameworkVersion;
  answers: readonly {
    domainId: string;
    met: readonly string[];
    notApplicable: boolean;
    noneMet: boolean;
    comment: string;
    confidence: Confidence | null;
    evidenceIds: readonly string[];
  }[];
  evidence: readonly SealedEvidence[];
  scores: ReturnScores;
  approvals: SealedReturn['approvals'];
  submittedBy: SealedPerson;
  submittedAt: string;
}

/**
 * The snapshot of a revision: one builder, so a live rebuild compares like with like. `format`: the
 * sealed copy's, when rebuilding the live rows to check an earlier seal.
 */
export function buildSealedReturn(source: SealSource, format: SealFormat = SEAL_FORMAT): SealedReturn {
  const domainsById = new Map(source.framework.domains.map((d) => [d.id, d]));
  const withNoneMet = format !== 'wgll-sealed-return/1';
  return {
    format,
    return: source.return,
    framework: {
      frameworkId: source.framework.frameworkId,
      version: source.framework.version,
      sha256: sha256Hex(canonicalJson(source.framework)),
    },
    answers: source.answers.map((a) => ({
      domainId: a.domainId,
      measure: domainsById.get(a.domainId)?.measure ?? '',
      met: [...a.met].sort(),
      notApplicable: a.notApplicable,
      ...(withNoneMet ? { noneMet: a.noneMet } : {}),
      comment: a.comment,
      confidence: a.confidence,
      evidenceIds: [...a.evidenceIds].sort(),
    })),
    evidence: source.evidence.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      url: e.url,
      fileName: e.fileName,
      mediaType: e.mediaType,
      sizeBytes: e.sizeBytes,
      sha256: e.sha256,
    })),
    scores: source.scores,
    approvals: source.approvals,
    submittedBy: source.submittedBy,
    submittedAt: source.submittedAt,
  };
}

/** The snapshot text and its hash: the text is what is stored, so verification hashes exactly it. */
export function sealSnapshot(snapshot: SealedReturn): { text: string; sha256: string } {
  const text = canonicalJson(snapshot);
  return { text, sha256: sha256Hex(text) };
}

/** The sealed copy as stored, when it still reads as one (in any format); null when it does not. */
export function parseSnapshot(text: string): SealedReturn | null {
  try {
    const parsed = JSON.parse(text) as Partial<SealedReturn> | null;
    return parsed && typeof parsed === 'object' && SEAL_FORMATS.includes(parsed.format as SealFormat)
      ? (parsed as SealedReturn)
      : null;
  } catch {
    return null;
  }
}

/** A stored seal verifies when its text hashes to the stored hash and is still canonical JSON. */
export function verifySeal(
  text: string,
  storedSha256: string,
): { computedSha256: string; verified: boolean } {
  const computedSha256 = sha256Hex(text);
  let canonical = false;
  try {
    canonical = canonicalJson(JSON.parse(text)) === text;
  } catch {
    canonical = false;
  }
  return { computedSha256, verified: canonical && computedSha256 === storedSha256 };
}
