import type { CareSetting } from '@wgll/framework';
import { addDays } from '../../../common/iso-date.js';

/**
 * Where a demo return is left. `reopened`: sealed, reopened by a national administrator, corrected
 * and sealed again (revision 2). `not-started`: no return at all.
 */
export type DemoState = 'not-started' | 'draft' | 'awaiting-approval' | 'approved' | 'submitted' | 'reopened';

/** A trust of the demo, as the hierarchy holds it on the cycle's reference date. */
export interface DemoTrust {
  odsCode: string;
  name: string;
  careSettings: CareSetting[];
}

export interface DemoSystem {
  /** The ICB's ODS code. */
  icsCode: string;
  trusts: DemoTrust[];
}

export interface PlannedReturn {
  icsCode: string;
  level: 'organisation' | 'system';
  /** The trust's code, or the ICB's for the system return. */
  ownerCode: string;
  careSetting: CareSetting | null;
  state: DemoState;
  /** Share of the applicable domains answered (1 unless a draft). */
  completion: number;
}

/**
 * The states given, in turn, to each ICS's trust returns (ordered by ODS code and care setting):
 * the first seven show every state, the rest lean towards sealed, as in a cycle well under way.
 */
export const STATE_ORDER: readonly DemoState[] = [
  'submitted',
  'draft',
  'reopened',
  'awaiting-approval',
  'submitted',
  'approved',
  'draft',
  'not-started',
  'submitted',
  'draft',
];

/** How far the drafts have got, in turn. */
export const DRAFT_COMPLETION: readonly number[] = [0.85, 0.4, 0.15, 0.6];

/**
 * Every return of the demo world and the state it is left in. `reserved` trusts (the printed demo
 * accounts' trust) are left not started, so a person trying the product starts their own return.
 * Each ICB's own return is sealed, so the ICS and region views can show it beside the trusts.
 */
export function planDemoReturns(systems: DemoSystem[], reserved: readonly string[]): PlannedReturn[] {
  const planned: PlannedReturn[] = [];
  let drafts = 0;
  for (const system of systems) {
    const owned = [...system.trusts]
      .sort((a, b) => a.odsCode.localeCompare(b.odsCode))
      .flatMap((t) => [...t.careSettings].sort().map((careSetting) => ({ trust: t, careSetting })));
    let turn = 0;
    for (const { trust, careSetting } of owned) {
      const state = reserved.includes(trust.odsCode)
        ? 'not-started'
        : STATE_ORDER[turn++ % STATE_ORDER.length]!;
      planned.push({
        icsCode: system.icsCode,
        level: 'organisation',
        ownerCode: trust.odsCode,
        careSetting,
        state,
        completion: state === 'draft' ? DRAFT_COMPLETION[drafts++ % DRAFT_COMPLETION.length]! : 1,
      });
    }
    planned.push({
      icsCode: system.icsCode,
      level: 'system',
      ownerCode: system.icsCode,
      careSetting: null,
      state: 'submitted',
      completion: 1,
    });
  }
  return planned;
}

/** A board meeting date within the cycle, never after today: about two to six months in. */
export function meetingDate(
  opensOn: string,
  today: string,
  key: string,
  hash: (k: string) => number,
): string {
  const date = addDays(opensOn, 60 + (hash(`${key}|meeting`) % 120));
  return date < today ? date : today;
}
