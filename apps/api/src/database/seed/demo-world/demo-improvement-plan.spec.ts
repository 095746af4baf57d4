import { describe, expect, it } from '@jest/globals';
import type { FrameworkVersion } from '@wgll/framework';
import { type DomainAnswer, domainLevel, projectScores } from '@wgll/scoring';
import { readBundledFrameworks } from '../../../modules/frameworks/bundled-frameworks.js';
import { applicableDomains } from '../../../modules/assessments/return-view.js';
import { demoImprovementPlan } from './demo-improvement-plan.js';
import { demoAnswer } from './demo-levels.js';

const [organisation] = readBundledFrameworks().map((f) => f.document as FrameworkVersion) as [
  FrameworkVersion,
];
const domains = applicableDomains(organisation, 'acute');
const OWNERS = ['lead-id', 'contributor-id', 'contributor2-id'];
const TODAY = '2026-12-05';

/** A return answered as the demo answers Guy's and St Thomas' (published scores around 3). */
const answersFor = (key: string, score = 3) => domains.map((d) => demoAnswer(d, score, key));

describe('the demo improvement plan', () => {
  const answers = answersFor('RJ1|acute');
  const plan = demoImprovementPlan(domains, answers, '2026-04-01', TODAY, OWNERS);

  it('targets 6 to 10 domains one level above today, by the next cycle’s reference date', () => {
    expect(plan.targetDate).toBe('2027-04-01');
    expect(plan.targets.length).toBeGreaterThanOrEqual(6);
    expect(plan.targets.length).toBeLessThanOrEqual(10);
    const byId = new Map(domains.map((d) => [d.id, d]));
    for (const t of plan.targets) {
      const answer = answers.find((a) => a.domainId === t.domainId)!;
      expect(answer.notApplicable).toBe(false);
      expect(t.level).toBe(domainLevel(byId.get(t.domainId)!, new Set(answer.met)) + 1);
    }
    // More than one measure.
    expect(new Set(plan.targets.map((t) => byId.get(t.domainId)!.measure)).size).toBeGreaterThan(3);
  });

  it('proposes one action per unmet element of the gap, so that done they reach every target', () => {
    const scoring = new Map<string, DomainAnswer>(
      answers.map((a) => [a.domainId, a.notApplicable ? { notApplicable: true } : { met: new Set(a.met) }]),
    );
    const projected = projectScores(organisation, 'acute', scoring, plan.actions, plan.targetDate);
    for (const t of plan.targets)
      expect(projected.domains.find((d) => d.domainId === t.domainId)!.level).toBe(t.level);
    expect(plan.actions.every((a) => a.elementIds.length === 1 && a.title.length > 0)).toBe(true);
    expect(new Set(plan.actions.map((a) => a.elementIds[0])).size).toBe(plan.actions.length);
  });

  it('mixes states: done, in progress, blocked with a reason, not started, one overdue', () => {
    const states = plan.actions.map((a) => a.state);
    for (const s of ['done', 'in-progress', 'blocked', 'not-started'] as const) expect(states).toContain(s);
    expect(plan.actions.filter((a) => a.state !== 'done' && a.dueDate! < TODAY)).toHaveLength(1);
    for (const a of plan.actions) {
      expect(a.blockedReason === null).toBe(a.state !== 'blocked');
      expect(a.dueDate! <= plan.targetDate).toBe(true);
      expect(OWNERS).toContain(a.ownerId);
    }
    expect(new Set(plan.actions.map((a) => a.ownerId)).size).toBe(3);
  });

  it('is the same every time', () => {
    expect(demoImprovementPlan(domains, answers, '2026-04-01', TODAY, OWNERS)).toEqual(plan);
  });

  it('still makes 6 to 10 targets for other trusts’ answers', () => {
    for (const [key, score] of [
      ['RJ2|acute', 2.2],
      ['RF4|acute', 3.6],
      ['R1H|acute', 1.8],
    ] as const) {
      const other = demoImprovementPlan(domains, answersFor(key, score), '2026-04-01', TODAY, OWNERS);
      expect(other.targets.length).toBeGreaterThanOrEqual(6);
      expect(other.targets.length).toBeLessThanOrEqual(10);
    }
  });
});
