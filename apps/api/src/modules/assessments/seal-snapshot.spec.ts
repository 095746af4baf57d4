import { describe, expect, it } from '@jest/globals';
import type { FrameworkVersion } from '@wgll/framework';
import { syntheticDomain } from '@wgll/framework/testing';
import { sealedScoreColumns } from '../result-store/result-scores.reader.js';
import { compareLive, type LiveSeal } from './seal-diff.js';
import {
  buildSealedReturn,
  parseSnapshot,
  SEAL_FORMAT,
  type SealedReturn,
  type SealSource,
  sealSnapshot,
  verifySeal,
} from './seal-snapshot.js';

const framework: FrameworkVersion = {
  frameworkId: 'seal-test',
  version: '1',
  title: 'Seal test',
  publishedOn: '2026-04-01',
  status: 'published',
  level: 'organisation',
  scale: { min: 1, max: 5 },
  measures: [{ id: 'well-led', name: 'Well led' }],
  domains: [
    syntheticDomain('wl-a', 'well-led', [1, 1, 1, 1]),
    syntheticDomain('wl-b', 'well-led', [1, 1, 1, 1]),
  ],
};

/** The live rows of a sealed revision: one domain ticked, one confirmed as none met. */
const source: SealSource = {
  return: {
    id: 'r1',
    cycle: { id: 'c1', name: '2026/27', referenceDate: '2026-04-01' },
    level: 'organisation',
    owner: { type: 'organisation', code: 'RJ1', name: '' },
    careSetting: 'acute',
    revision: 1,
  },
  framework,
  answers: [
    {
      domainId: 'wl-a',
      met: ['wl-a-l2-e1'],
      notApplicable: false,
      noneMet: false,
      comment: 'Board minutes',
      confidence: 'high',
      evidenceIds: [],
    },
    {
      domainId: 'wl-b',
      met: [],
      notApplicable: false,
      noneMet: true,
      comment: '',
      confidence: null,
      evidenceIds: [],
    },
  ],
  evidence: [],
  scores: { domains: [], measures: [], overall: null },
  approvals: [],
  submittedBy: { id: 'u1', displayName: 'Lead', email: 'lead@nhs.net' },
  submittedAt: '2026-12-01T11:00:00.000Z',
};

/**
 * The same revision sealed before answers carried "none met" (format /1), exactly as that code wrote
 * it, with the hash it stored.
 */
const OLD_SEAL = {
  text:
    '{"answers":[{"comment":"Board minutes","confidence":"high","domainId":"wl-a","evidenceIds":[],' +
    '"measure":"well-led","met":["wl-a-l2-e1"],"notApplicable":false},{"comment":"","confidence":null,' +
    '"domainId":"wl-b","evidenceIds":[],"measure":"well-led","met":[],"notApplicable":false}],' +
    '"approvals":[],"evidence":[],"format":"wgll-sealed-return/1","framework":{"frameworkId":"seal-test",' +
    '"sha256":"fefe3a9070f5912c8f030b8c070e1ffc279c0a4a42e6cabede6b4be5058017d5","version":"1"},' +
    '"return":{"careSetting":"acute","cycle":{"id":"c1","name":"2026/27","referenceDate":"2026-04-01"},' +
    '"id":"r1","level":"organisation","owner":{"code":"RJ1","name":"","type":"organisation"},"revision":1},' +
    '"scores":{"domains":[],"measures":[],"overall":null},"submittedAt":"2026-12-01T11:00:00.000Z",' +
    '"submittedBy":{"displayName":"Lead","email":"lead@nhs.net","id":"u1"}}',
  sha256: 'b427a59c5983b3e6c7b9a831f2b598f749fbaf809807c83b7131d17973c8818c',
};

function live(snapshot: SealedReturn): LiveSeal {
  return {
    snapshot,
    state: 'submitted',
    revision: 1,
    answersCompared: true,
    fileHashes: new Map(),
    scores: sealedScoreColumns(source.scores),
  };
}

describe('the sealed copy', () => {
  it('holds each answer’s "none met" in new seals', () => {
    const sealed = buildSealedReturn(source);
    expect(sealed.format).toBe('wgll-sealed-return/2');
    expect(SEAL_FORMAT).toBe('wgll-sealed-return/2');
    expect(sealed.answers.map((a) => [a.domainId, a.noneMet])).toEqual([
      ['wl-a', false],
      ['wl-b', true],
    ]);
    const { text, sha256 } = sealSnapshot(sealed);
    expect(verifySeal(text, sha256).verified).toBe(true);
    expect(parseSnapshot(text)).toEqual(sealed);
  });

  it('tells when "none met" changed after sealing', () => {
    const sealed = buildSealedReturn(source);
    const changed = buildSealedReturn({
      ...source,
      answers: source.answers.map((a) => (a.domainId === 'wl-b' ? { ...a, noneMet: false } : a)),
    });
    expect(compareLive(sealed, live(sealed)).matches).toBe(true);
    expect(compareLive(sealed, live(changed)).differences).toEqual([
      {
        kind: 'answer',
        id: 'wl-b',
        message: 'Domain wl-b: "none of these is met yet" differs from the sealed copy.',
      },
    ]);
  });

  it('written before "none met" existed still verifies, and matches its live rows rebuilt in its format', () => {
    expect(verifySeal(OLD_SEAL.text, OLD_SEAL.sha256).verified).toBe(true);
    const sealed = parseSnapshot(OLD_SEAL.text);
    expect(sealed?.format).toBe('wgll-sealed-return/1');
    const rebuilt = buildSealedReturn(source, sealed!.format);
    expect(sealSnapshot(rebuilt)).toEqual(OLD_SEAL);
    expect(compareLive(sealed!, live(rebuilt))).toMatchObject({ matches: true, differences: [] });
  });

  it('is not read when it is no sealed copy at all', () => {
    expect(parseSnapshot('{"format":"something-else"}')).toBeNull();
    expect(parseSnapshot('not json')).toBeNull();
  });
});
