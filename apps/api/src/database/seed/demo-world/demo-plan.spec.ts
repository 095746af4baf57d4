import { describe, expect, it } from '@jest/globals';
import { meetingDate, planDemoReturns, type DemoSystem } from './demo-plan.js';
import { hashOf } from './demo-random.js';

const QKK: DemoSystem = {
  icsCode: 'QKK',
  trusts: [
    { odsCode: 'RV5', name: 'South London and Maudsley', careSettings: ['mental-health'] },
    { odsCode: 'RJ1', name: "Guy's and St Thomas'", careSettings: ['acute'] },
    { odsCode: 'RJZ', name: "King's College Hospital", careSettings: ['acute'] },
    { odsCode: 'RJ2', name: 'Lewisham and Greenwich', careSettings: ['community', 'acute'] },
    { odsCode: 'RPG', name: 'Oxleas', careSettings: ['mental-health', 'community'] },
  ],
};
const QMF: DemoSystem = {
  icsCode: 'QMF',
  trusts: [
    { odsCode: 'R1H', name: 'Barts Health', careSettings: ['acute', 'community'] },
    { odsCode: 'RAT', name: 'North East London', careSettings: ['community', 'mental-health'] },
    { odsCode: 'RF4', name: 'Barking, Havering and Redbridge', careSettings: ['acute'] },
    { odsCode: 'RQX', name: 'Homerton', careSettings: ['acute', 'community'] },
    { odsCode: 'RWK', name: 'East London', careSettings: ['community', 'mental-health'] },
  ],
};

describe('the demo plan', () => {
  const plan = planDemoReturns([QKK, QMF], ['RJZ']);

  it('has a return for every trust and care setting, and each ICB’s own return sealed', () => {
    expect(plan).toHaveLength(7 + 1 + 9 + 1);
    expect(plan.filter((p) => p.level === 'system')).toEqual([
      expect.objectContaining({ ownerCode: 'QKK', state: 'submitted' }),
      expect.objectContaining({ ownerCode: 'QMF', state: 'submitted' }),
    ]);
  });

  it('leaves the printed accounts’ trust not started, and seals Guy’s and St Thomas’', () => {
    expect(plan.find((p) => p.ownerCode === 'RJZ')).toMatchObject({ state: 'not-started' });
    expect(plan.find((p) => p.ownerCode === 'RJ1')).toMatchObject({ state: 'submitted', completion: 1 });
  });

  it('shows every state in each ICS, and drafts at different completions', () => {
    for (const ics of ['QKK', 'QMF']) {
      const states = new Set(plan.filter((p) => p.icsCode === ics).map((p) => p.state));
      for (const state of ['not-started', 'draft', 'awaiting-approval', 'approved', 'submitted', 'reopened'])
        expect(states).toContain(state);
    }
    const drafts = plan.filter((p) => p.state === 'draft').map((p) => p.completion);
    expect(new Set(drafts).size).toBe(drafts.length);
    for (const c of drafts) expect(c > 0 && c < 1).toBe(true);
  });

  it('is the same whatever order the hierarchy lists the trusts in', () => {
    const shuffled = { ...QKK, trusts: [...QKK.trusts].reverse() };
    expect(planDemoReturns([shuffled, QMF], ['RJZ'])).toEqual(plan);
  });
});

describe('board meeting dates', () => {
  it('fall within the cycle and never after today', () => {
    const date = meetingDate('2026-04-01', '2026-12-04', 'RJZ|acute', hashOf);
    expect(date >= '2026-05-31' && date <= '2026-09-28').toBe(true);
    expect(meetingDate('2026-04-01', '2026-05-02', 'RJZ|acute', hashOf)).toBe('2026-05-02');
  });
});
