import type {
  Confidence,
  ReadableDomain,
  ReadableEvidence,
  ReadableReturn,
  ReturnScores,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';

/** The answers of a return, live or sealed: both shapes fit. */
export interface ReadableAnswer {
  domainId: string;
  met: readonly string[];
  notApplicable: boolean;
  /** Absent from seals written before format /2. */
  noneMet?: boolean;
  comment: string;
  confidence: Confidence | null;
  evidenceIds: readonly string[];
}

export interface ReadableSource extends Omit<
  ReadableReturn,
  'framework' | 'overall' | 'measures' | 'evidence'
> {
  /** The framework version answered, with the return's care setting's domains only. */
  framework: FrameworkVersion;
  answers: readonly ReadableAnswer[];
  evidence: readonly ReadableEvidence[];
  scores: ReturnScores;
}

/**
 * A return for people to read: every domain of the framework version, in its order, under its
 * measure, with the text of each element met, its comment, confidence and evidence. Ids the version
 * no longer knows (never expected) are kept as they are rather than dropped.
 */
export function readableReturn(source: ReadableSource): ReadableReturn {
  const { framework, answers, scores } = source;
  const evidence = source.evidence.map(({ id, kind, title, url, fileName, sizeBytes }) => ({
    id,
    kind,
    title,
    url,
    fileName,
    sizeBytes,
  }));
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  const answerById = new Map(answers.map((a) => [a.domainId, a]));
  const domainScores = new Map(scores.domains.map((d) => [d.domainId, d]));
  const measureScores = new Map(scores.measures.map((m) => [m.measure, m.score]));

  const domain = (d: FrameworkVersion['domains'][number]): ReadableDomain => {
    const answer = answerById.get(d.id);
    const score = domainScores.get(d.id);
    const met = new Set(answer?.met ?? []);
    const elements = d.levels.flatMap((level) =>
      level.elements
        .filter((e) => met.has(e.id))
        .map((e) => ({ id: e.id, level: level.level, text: e.text })),
    );
    const known = new Set(elements.map((e) => e.id));
    const unknown = [...met].filter((id) => !known.has(id)).map((id) => ({ id, level: 0, text: id }));
    return {
      domainId: d.id,
      title: d.title,
      status: score?.status ?? 'unanswered',
      level: score?.level ?? null,
      met: [...elements, ...unknown],
      noneMet: answer?.noneMet ?? false,
      comment: answer?.comment ?? '',
      confidence: answer?.confidence ?? null,
      evidence: [...(answer?.evidenceIds ?? [])]
        .map(
          (id) =>
            evidenceById.get(id) ?? {
              id,
              kind: 'link' as const,
              title: id,
              url: null,
              fileName: null,
              sizeBytes: null,
            },
        )
        .sort((a, b) => a.title.localeCompare(b.title, 'en-GB')),
    };
  };

  return {
    returnId: source.returnId,
    owner: source.owner,
    level: source.level,
    careSetting: source.careSetting,
    cycle: source.cycle,
    revision: source.revision,
    state: source.state,
    framework: { frameworkId: framework.frameworkId, version: framework.version, title: framework.title },
    seal: source.seal,
    overall: scores.overall,
    measures: framework.measures.map((m) => ({
      measure: m.id,
      name: m.name,
      score: measureScores.get(m.id) ?? null,
      domains: framework.domains.filter((d) => d.measure === m.id).map(domain),
    })),
    evidence,
    approvals: source.approvals,
    producedAt: source.producedAt,
  };
}
