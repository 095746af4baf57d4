import type { Confidence, ReturnLevel, ReturnOwner, ReturnScores } from '@wgll/contracts';
import type { CareSetting } from '@wgll/framework';
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

interface SealedPerson {
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
