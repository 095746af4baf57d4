import type { FrameworkDomain, LevelNumber, MeasureId } from '@wgll/framework';
import { domainLevel } from '@wgll/scoring';
import { pick, randomFor } from './demo-random.js';
import type { Confidence } from '@wgll/contracts';

/**
 * NHS England's published 2025 national means per measure (domain.md): the level a demo return
 * aims at where its owner has no published score of its own.
 */
export const NATIONAL_MEANS_2025: Record<MeasureId, number> = {
  'well-led': 2.83,
  'smart-foundations': 2.61,
  'safe-practice': 2.49,
  'support-people': 2.64,
  'empower-citizens': 2.02,
  'improve-care': 2.38,
  'healthy-populations': 2.23,
};

/**
 * The level a demo answer reaches in a domain, for an owner whose measure was published at `score`:
 * the whole part of the score, one more with the chance of its fraction (so a measure's domains
 * average about the published score: a trust at 3.3 sits around 3), and now and then one level
 * either way, as real answers vary. Keyed by `key` (owner, care setting and domain).
 */
export function demoLevel(score: number, key: string): LevelNumber {
  const random = randomFor(key);
  const whole = Math.floor(score);
  let level = whole + (random() < score - whole ? 1 : 0);
  const wobble = random();
  if (wobble < 0.08) level -= 1;
  else if (wobble >= 0.92) level += 1;
  return Math.min(5, Math.max(1, level)) as LevelNumber;
}

/**
 * The elements ticked for a domain to reach `level` under gated scoring: every element up to that
 * level, and some (never all) of the next level's, as a trust on its way there would tick.
 */
export function elementsForLevel(domain: FrameworkDomain, level: LevelNumber, key: string): string[] {
  const random = randomFor(`${key}|elements`);
  const met: string[] = [];
  for (const step of domain.levels) {
    if (step.level <= level) met.push(...step.elements.map((e) => e.id));
    else if (step.level === level + 1 && step.elements.length > 1) {
      const some = Math.floor(random() * step.elements.length);
      met.push(...step.elements.slice(0, some).map((e) => e.id));
    }
  }
  return met;
}

const COMMENTS: Record<'low' | 'mid' | 'high', string[]> = {
  low: [
    'Early stages: the approach for {title} is agreed in principle but not yet in place across the trust. Funding bid submitted for next year.',
    'Pockets of good practice in {title}, but nothing consistent yet. The digital board will take a plan in the spring.',
    'We are honest that {title} is behind where we want it. A named lead started in the autumn and owns the recovery plan.',
  ],
  mid: [
    'The basics of {title} are in place and reported to the digital board each quarter. Gaps remain in community services.',
    '{title}: most of the level is met; the remaining element depends on the EPR upgrade planned for next year.',
    'Good progress on {title} since last year; the evidence below was reviewed by the executive lead in September.',
  ],
  high: [
    '{title} is mature and routinely audited; we share our approach with partners across the ICS.',
    'Strong position on {title}, confirmed by internal audit this year. Next step is to extend it to partner organisations.',
    '{title} is embedded in how we work; measures are reported to the board and improving year on year.',
  ],
};

/** A fixed comment for the answer, in the words of a trust at that level. */
export function demoComment(domain: Pick<FrameworkDomain, 'title'>, level: LevelNumber, key: string): string {
  const band = level <= 2 ? 'low' : level === 3 ? 'mid' : 'high';
  return pick(COMMENTS[band], `${key}|comment`).replace('{title}', domain.title);
}

const CONFIDENCE: Confidence[] = ['high', 'medium', 'medium', 'high', 'low', 'medium'];

export function demoConfidence(key: string): Confidence {
  return pick(CONFIDENCE, `${key}|confidence`);
}

/** Whether a domain that allows it is answered as not applicable (rarely). */
export function demoNotApplicable(domain: FrameworkDomain, key: string): boolean {
  return domain.notApplicableAllowed && randomFor(`${key}|n/a`)() < 0.06;
}

export interface DemoAnswer {
  domainId: string;
  met: string[];
  notApplicable: boolean;
  comment: string;
  confidence: Confidence | null;
  level: LevelNumber | null;
}

/**
 * The demo answer of one domain for an owner whose measure was published at `score` (null: use the
 * national mean). `key` names the owner and care setting, e.g. "RJZ|acute".
 */
export function demoAnswer(domain: FrameworkDomain, score: number | null, key: string): DemoAnswer {
  const domainKey = `${key}|${domain.id}`;
  if (demoNotApplicable(domain, domainKey)) {
    return {
      domainId: domain.id,
      met: [],
      notApplicable: true,
      comment: `${domain.title} does not apply to the services this return covers.`,
      confidence: 'high',
      level: null,
    };
  }
  const level = demoLevel(score ?? NATIONAL_MEANS_2025[domain.measure], domainKey);
  const met = elementsForLevel(domain, level, domainKey);
  return {
    domainId: domain.id,
    met,
    notApplicable: false,
    comment: demoComment(domain, level, domainKey),
    confidence: demoConfidence(domainKey),
    level: domainLevel(domain, new Set(met)),
  };
}

/** The level a reviewer corrects an answer to: one up or one down (as the key decides), within 1 to 5. */
export function correctedLevel(level: LevelNumber, key: string): LevelNumber {
  if (level === 1) return 2;
  if (level === 5) return 4;
  return (randomFor(`${key}|correction`)() < 0.5 ? level - 1 : level + 1) as LevelNumber;
}
