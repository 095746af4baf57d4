import type { Confidence, ReturnLevel, ReturnOwner, ReturnScores } from '@wgll/contracts';
import type { CareSetting, FrameworkVersion } from '@wgll/framework';
import { canonicalJson, sha256Hex } from '../../common/canonical-json.js';

export const SEAL_FORMAT = 'wgll-sealed-return/1';

export interface SealedAnswer {
  domainId: string;
  measure: string;
  met: string[];
  notApplicable: boolean;
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
  format: typeof SEAL_FORMAT;
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

/** The snapshot of a revision: one builder, so a live rebuild compares like with like. */
export function buildSealedReturn(source: SealSource): SealedReturn {
  const domainsById = new Map(source.framework.domains.map((d) => [d.id, d]));
  return {
    format: SEAL_FORMAT,
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
