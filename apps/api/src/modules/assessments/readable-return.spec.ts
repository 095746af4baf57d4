import { describe, expect, it } from '@jest/globals';
import type { FrameworkVersion } from '@wgll/framework';
import { syntheticDomain } from '@wgll/framework/testing';
import { readableReturn, type ReadableSource } from './readable-return.js';

const framework: FrameworkVersion = {
  frameworkId: 'readable-test',
  version: '1',
  title: 'Readable test',
  publishedOn: '2026-04-01',
  status: 'published',
  level: 'organisation',
  scale: { min: 1, max: 5 },
  measures: [
    { id: 'well-led', name: 'Well led' },
    { id: 'smart-foundations', name: 'Ensure smart foundations' },
  ],
  domains: [
    syntheticDomain('wl-a', 'well-led', [1, 1, 1, 1]),
    syntheticDomain('sf-a', 'smart-foundations', [1, 1, 1, 1]),
    syntheticDomain('wl-b', 'well-led', [1, 1, 1, 1]),
  ],
};
const text = (domain: number, level: number) => framework.domains[domain]!.levels[level - 1]!.elements[0]!;

const source: ReadableSource = {
  returnId: 'r1',
  owner: { type: 'organisation', code: 'RJ1', name: 'Guy’s and St Thomas’' },
  level: 'organisation',
  careSetting: 'acute',
  cycle: { id: 'c1', name: '2026/27' },
  revision: 1,
  state: 'submitted',
  seal: null,
  framework,
  answers: [
    {
      domainId: 'wl-a',
      // Stored in id order; read in level order.
      met: [text(0, 3).id, text(0, 2).id],
      notApplicable: false,
      comment: 'Strategy approved',
      confidence: 'high',
      evidenceIds: ['e2', 'e1'],
    },
    {
      domainId: 'sf-a',
      met: [],
      notApplicable: false,
      noneMet: true,
      comment: '',
      confidence: null,
      evidenceIds: [],
    },
  ],
  evidence: [
    {
      id: 'e1',
      kind: 'link',
      title: 'Board paper',
      url: 'https://example.nhs.uk/paper',
      fileName: null,
      sizeBytes: null,
    },
    { id: 'e2', kind: 'file', title: 'Annual report', url: null, fileName: 'report.pdf', sizeBytes: 2048 },
  ],
  scores: {
    domains: [
      { domainId: 'wl-a', measure: 'well-led', status: 'scored', level: 3 },
      { domainId: 'sf-a', measure: 'smart-foundations', status: 'scored', level: 1 },
      { domainId: 'wl-b', measure: 'well-led', status: 'unanswered', level: null },
    ],
    measures: [
      { measure: 'well-led', domains: 2, scored: 1, notApplicable: 0, missing: 1, score: null },
      { measure: 'smart-foundations', domains: 1, scored: 1, notApplicable: 0, missing: 0, score: 1 },
    ],
    overall: null,
  },
  approvals: [],
  producedAt: '2026-09-01T10:00:00.000Z',
};

describe('a return for reading', () => {
  const readable = readableReturn(source);

  it('follows the framework: measures in order, each with its domains in order, by title', () => {
    expect(readable.measures.map((m) => [m.name, m.domains.map((d) => d.domainId)])).toEqual([
      ['Well led', ['wl-a', 'wl-b']],
      ['Ensure smart foundations', ['sf-a']],
    ]);
    expect(readable.measures[0]!.domains[0]!.title).toBe(framework.domains[0]!.title);
    expect(readable.measures[1]!.score).toBe(1);
  });

  it('gives the text of each element met in level order, with comment, confidence and evidence by title', () => {
    const domain = readable.measures[0]!.domains[0]!;
    expect(domain.met).toEqual([
      { id: text(0, 2).id, level: 2, text: text(0, 2).text },
      { id: text(0, 3).id, level: 3, text: text(0, 3).text },
    ]);
    expect(domain).toMatchObject({
      level: 3,
      status: 'scored',
      comment: 'Strategy approved',
      confidence: 'high',
    });
    expect(domain.evidence.map((e) => e.title)).toEqual(['Annual report', 'Board paper']);
  });

  it('says "none met" and "unanswered" rather than leaving them out', () => {
    expect(readable.measures[1]!.domains[0]).toMatchObject({ noneMet: true, met: [], level: 1 });
    expect(readable.measures[0]!.domains[1]).toMatchObject({
      status: 'unanswered',
      level: null,
      comment: '',
    });
  });
});
