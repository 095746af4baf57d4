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

  /** The trusts whose return of a care setting in an ICS is sealed (reopened ones are sealed again). */
  const sealedIn = (ics: string, careSetting: string) =>
    plan
      .filter(
        (p) =>
          p.icsCode === ics &&
          p.careSetting === careSetting &&
          (p.state === 'submitted' || p.state === 'reopened'),
      )
      .map((p) => p.ownerCode);

  it('seals every acute return but the reserved one, and at least one of every other care setting', () => {
    // South East London has three acute trusts, one of them reserved for the person trying.
    expect(sealedIn('QKK', 'acute')).toEqual(['RJ1', 'RJ2']);
    expect(sealedIn('QMF', 'acute')).toEqual(['R1H', 'RF4', 'RQX']);
    for (const ics of ['QKK', 'QMF'])
      for (const careSetting of ['community', 'mental-health'])
        expect(sealedIn(ics, careSetting).length).toBeGreaterThanOrEqual(1);
  });

  it('shows every state across the ICSs, one reopened in each, and drafts at different completions', () => {
    const states = new Set(plan.map((p) => p.state));
    for (const state of [
      'not-started',
      'draft',
      'sent-back',
      'awaiting-approval',
      'approved',
      'submitted',
      'reopened',
    ])
      expect(states).toContain(state);
    for (const ics of ['QKK', 'QMF']) {
      const own = plan.filter((p) => p.icsCode === ics).map((p) => p.state);
      expect(own.filter((s) => s === 'reopened')).toHaveLength(1);
      expect(own).toContain('draft');
    }
    // Only drafts are part-answered.
    for (const p of plan) expect(p.completion === 1).toBe(p.state !== 'draft');
    const drafts = plan.filter((p) => p.state === 'draft').map((p) => p.completion);
    expect(new Set(drafts).size).toBe(drafts.length);
    for (const c of drafts) expect(c > 0 && c < 1).toBe(true);
  });

  it('takes the states short of sealed from the care settings with sealed returns to spare', () => {
    expect(
      plan
        .filter((p) => p.level === 'organisation')
        .map((p) => `${p.icsCode} ${p.ownerCode} ${p.careSetting}: ${p.state}`),
    ).toEqual([
      'QKK RJ1 acute: submitted',
      'QKK RJ2 acute: reopened',
      'QKK RJ2 community: submitted',
      'QKK RJZ acute: not-started',
      'QKK RPG community: draft',
      'QKK RPG mental-health: submitted',
      'QKK RV5 mental-health: sent-back',
      'QMF R1H acute: submitted',
      'QMF R1H community: reopened',
      'QMF RAT community: awaiting-approval',
      'QMF RAT mental-health: submitted',
      'QMF RF4 acute: submitted',
      'QMF RQX acute: submitted',
      'QMF RQX community: sent-back',
      'QMF RWK community: draft',
      'QMF RWK mental-health: approved',
    ]);
  });

  it('never takes the last sealed return of a care setting, however few returns an ICS has', () => {
    const small: DemoSystem = {
      icsCode: 'QXX',
      trusts: [
        { odsCode: 'RA1', name: 'One', careSettings: ['acute', 'community'] },
        { odsCode: 'RA2', name: 'Two', careSettings: ['acute'] },
      ],
    };
    expect(planDemoReturns([small], []).map((p) => `${p.ownerCode} ${p.careSetting}: ${p.state}`)).toEqual([
      'RA1 acute: submitted',
      'RA1 community: reopened',
      'RA2 acute: submitted',
      'QXX null: submitted',
    ]);
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
