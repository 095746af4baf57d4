import { describe, expect, it } from '@jest/globals';
import { sealedScoreColumns } from '../result-store/result-scores.reader.js';
import { compareLive, countDifferences, type LiveSeal, sealSummary } from './seal-diff.js';
import { SEAL_FORMAT, type SealedReturn } from './seal-snapshot.js';

const BOARD = { id: 'b0000000-0000-4000-8000-000000000001', displayName: 'Board Member', email: 'b@nhs.net' };

function sealedCopy(): SealedReturn {
  return {
    format: SEAL_FORMAT,
    return: {
      id: 'r1',
      cycle: { id: 'c1', name: '2026/27', referenceDate: '2026-04-01' },
      level: 'organisation',
      owner: { type: 'organisation', code: 'RJ1', name: "Guy's and St Thomas'" },
      careSetting: 'acute',
      revision: 2,
    },
    framework: { frameworkId: 'wgll', version: '1', sha256: 'f'.repeat(64) },
    answers: ['well-led-d', 'smart-foundations-d', 'safe-practice-d'].map((domainId) => ({
      domainId,
      measure: domainId.replace(/-d$/, ''),
      met: [`${domainId}-l2-e1`, `${domainId}-l2-e2`],
      notApplicable: false,
      comment: '',
      confidence: 'medium' as const,
      evidenceIds: domainId === 'well-led-d' ? ['e1'] : [],
    })),
    evidence: [
      {
        id: 'e1',
        kind: 'file',
        title: 'Board minutes',
        url: null,
        fileName: 'minutes.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 10,
        sha256: 'a'.repeat(64),
      },
    ],
    scores: {
      domains: [
        { domainId: 'well-led-d', measure: 'well-led', status: 'scored', level: 2 },
        { domainId: 'smart-foundations-d', measure: 'smart-foundations', status: 'scored', level: 2 },
        { domainId: 'safe-practice-d', measure: 'safe-practice', status: 'scored', level: 2 },
      ],
      measures: [
        { measure: 'well-led', domains: 1, scored: 1, notApplicable: 0, missing: 0, score: 2 },
        { measure: 'smart-foundations', domains: 1, scored: 1, notApplicable: 0, missing: 0, score: 2 },
        { measure: 'safe-practice', domains: 1, scored: 1, notApplicable: 0, missing: 0, score: 2 },
      ],
      overall: 2,
    },
    approvals: [
      {
        approver: BOARD,
        meetingDate: '2026-11-30',
        minuteReference: 'M1',
        approvedAt: '2026-12-01T10:00:00.000Z',
      },
    ],
    submittedBy: BOARD,
    submittedAt: '2026-12-01T11:00:00.000Z',
  };
}

/** The live side as it is when nothing changed: the same snapshot, rebuilt. */
function liveOf(sealed: SealedReturn, change: (live: LiveSeal) => void = () => undefined): LiveSeal {
  const copy = JSON.parse(JSON.stringify(sealed)) as SealedReturn;
  copy.return.owner.name = ''; // names are not compared
  const live: LiveSeal = {
    snapshot: copy,
    state: 'submitted',
    revision: sealed.return.revision,
    answersCompared: true,
    fileHashes: new Map([['e1', 'a'.repeat(64)]]),
    scores: sealedScoreColumns(sealed.scores),
  };
  change(live);
  return live;
}

describe('comparing the live rows of a sealed revision with the sealed copy', () => {
  it('finds nothing when nothing changed', () => {
    const sealed = sealedCopy();
    const result = compareLive(sealed, liveOf(sealed));
    expect(result).toEqual({
      matches: true,
      compared: ['return', 'framework', 'answer', 'evidence', 'approval', 'score'],
      differences: [],
      note: null,
    });
    expect(sealSummary('intact', result)).toBe('Sealed copy intact; live data matches it.');
  });

  it('says why the scores were not compared: replaced by a later seal, or never kept', () => {
    const sealed = sealedCopy();
    const later = compareLive(
      sealed,
      liveOf(sealed, (l) => {
        l.scores = null;
        l.revision = sealed.return.revision + 1;
        l.answersCompared = false;
      }),
    );
    expect(later.note).toContain('a later seal replaced them');
    const never = compareLive(
      sealed,
      liveOf(sealed, (l) => (l.scores = null)),
    );
    expect(never.note).toContain('outside every ICS');
  });

  it('names each changed, added and removed answer by domain', () => {
    const sealed = sealedCopy();
    const result = compareLive(
      sealed,
      liveOf(sealed, ({ snapshot }) => {
        snapshot.answers[0]!.met.push('well-led-d-l3-e1');
        snapshot.answers[0]!.confidence = 'high';
        snapshot.answers[1]!.comment = 'forged';
        snapshot.answers.splice(2, 1);
        snapshot.answers.push({ ...snapshot.answers[1]!, domainId: 'new-d' });
      }),
    );
    expect(result.matches).toBe(false);
    expect(result.differences).toEqual([
      {
        kind: 'answer',
        id: 'new-d',
        message: 'Domain new-d: has an answer now, but none in the sealed copy.',
      },
      {
        kind: 'answer',
        id: 'safe-practice-d',
        message: 'Domain safe-practice-d: answered in the sealed copy, but has no answer now.',
      },
      {
        kind: 'answer',
        id: 'smart-foundations-d',
        message: 'Domain smart-foundations-d: the comment differs from the sealed copy.',
      },
      {
        kind: 'answer',
        id: 'well-led-d',
        message:
          'Domain well-led-d: the elements met and the confidence differ from the sealed copy (now also met: well-led-d-l3-e1; confidence sealed medium, now high).',
      },
    ]);
    expect(sealSummary('intact', result)).toBe('Sealed copy intact; live data differs in 4 answers.');
  });

  it('finds changed evidence, a changed file, evidence added and the scores and approvals stored', () => {
    const sealed = sealedCopy();
    const result = compareLive(
      sealed,
      liveOf(sealed, (live) => {
        live.snapshot.evidence.push({ ...live.snapshot.evidence[0]!, id: 'e2', title: 'Extra' });
        (live.fileHashes as Map<string, string | null>).set('e1', 'b'.repeat(64));
        live.scores = { ...live.scores!, overall: 4, measures: { ...live.scores!.measures, 'well-led': 5 } };
        live.snapshot.approvals[0]!.minuteReference = 'M2';
      }),
    );
    expect(result.differences.map((d) => [d.kind, d.id])).toEqual([
      ['evidence', 'e1'],
      ['evidence', 'e2'],
      ['approval', BOARD.id],
      ['approval', BOARD.id],
      ['score', 'overall'],
      ['score', 'well-led'],
    ]);
    expect(result.differences[0]!.message).toBe(
      'Evidence "Board minutes": the stored file\'s contents no longer match the sealed file.',
    );
    expect(sealSummary('intact', result)).toBe(
      'Sealed copy intact; live data differs in 2 evidence items, 2 approvals and 2 scores.',
    );
    const title = compareLive(
      sealed,
      liveOf(sealed, (l) => void (l.snapshot.evidence[0]!.title = 'Other')),
    );
    expect(title.differences).toEqual([
      {
        kind: 'evidence',
        id: 'e1',
        message: 'Evidence "Board minutes": the title differs from the sealed copy.',
      },
    ]);
    const gone = compareLive(
      sealed,
      liveOf(sealed, (l) => void l.snapshot.evidence.pop()),
    );
    expect(gone.differences[0]!.message).toContain('no longer stored with the return');
  });

  it('after a reopening compares what still belongs to the sealed revision, and says what it did not', () => {
    const sealed = sealedCopy();
    const result = compareLive(
      sealed,
      liveOf(sealed, (live) => {
        live.state = 'draft';
        live.revision = 3;
        live.answersCompared = false;
        live.snapshot.answers = [];
        live.scores = null;
      }),
    );
    expect(result.matches).toBe(true);
    expect(result.compared).toEqual(['return', 'framework', 'evidence', 'approval']);
    expect(result.note).toContain('reopened as revision 3');
    expect(result.note).toContain('scores');
  });

  it('refuses a return sent back to a sealed revision by hand, or left unsubmitted at it', () => {
    const sealed = sealedCopy();
    const back = compareLive(
      sealed,
      liveOf(sealed, (l) => void (l.revision = 1)),
    );
    expect(back.differences.map((d) => [d.kind, d.id])).toEqual([['return', 'revision']]);
    const draft = compareLive(
      sealed,
      liveOf(sealed, (l) => void (l.state = 'draft')),
    );
    expect(draft.differences.map((d) => [d.kind, d.id])).toEqual([['return', 'state']]);
    const moved = compareLive(
      sealed,
      liveOf(sealed, (l) => void (l.snapshot.return.careSetting = 'community')),
    );
    expect(moved.differences[0]!.message).toBe(
      "The return's care setting differs from the sealed copy (sealed: acute; now: community).",
    );
    const framework = compareLive(
      sealed,
      liveOf(sealed, (l) => void (l.snapshot.framework.sha256 = '0'.repeat(64))),
    );
    expect(sealSummary('intact', framework)).toBe('Sealed copy intact; live data differs in the framework.');
  });

  it('says when the sealed copy itself changed', () => {
    const sealed = sealedCopy();
    expect(sealSummary('changed', compareLive(sealed, liveOf(sealed)))).toBe(
      'Sealed copy changed: it no longer matches the hash recorded when the return was sealed; live data matches it.',
    );
    expect(sealSummary('changed', null)).toBe(
      'Sealed copy changed: it no longer matches the hash recorded when the return was sealed; the live data could not be compared with it.',
    );
    expect(sealSummary('replaced', compareLive(sealed, liveOf(sealed)))).toBe(
      'Sealed copy replaced: its hash is not the one the audit log recorded when the return was sealed; live data matches it.',
    );
    expect(countDifferences([{ kind: 'answer', id: 'x', message: '' }])).toBe('1 answer');
  });
});
