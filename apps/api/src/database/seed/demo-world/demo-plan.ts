import { CARE_SETTINGS, type CareSetting } from '@wgll/framework';
import { COMMON_GAPS_MIN_ORGANISATIONS } from '@wgll/scoring';
import { addDays } from '../../../common/iso-date.js';

/**
 * Where a demo return is left. `sent-back`: marked ready, then sent back by its board with a reason
 * (a draft again, with the board's decline). `reopened`: sealed, reopened by a national administrator,
 * corrected and sealed again (revision 2). `not-started`: no return at all.
 */
export type DemoState =
  'not-started' | 'draft' | 'sent-back' | 'awaiting-approval' | 'approved' | 'submitted' | 'reopened';

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
 * The states short of sealed, handed out in turn to each ICS's trust returns. Every other return is
 * sealed, so the ICS lead's heatmap has something to show in every care setting.
 */
export const UNSEALED_STATES: readonly DemoState[] = ['draft', 'sent-back', 'awaiting-approval', 'approved'];

/** How far the drafts have got, in turn. */
export const DRAFT_COMPLETION: readonly number[] = [0.85, 0.4, 0.15, 0.6];

interface Owned {
  trust: DemoTrust;
  careSetting: CareSetting;
  state: DemoState;
}

/**
 * Every return of the demo world and the state it is left in. `reserved` trusts (the printed demo
 * accounts' trust) are left not started, so a person trying the product starts their own return.
 * In each ICS, the heatmap's first care setting (acute where there is one) keeps sealed returns up to
 * the number its common gaps need (three), every other care setting at least one. The states short
 * of sealed go, in turn, to the care setting with the most sealed returns to spare (its last trust by
 * ODS code) while any has one to spare, so a state may show in one ICS only. Of the sealed returns,
 * the second is reopened and sealed again. Each ICB's own return is sealed, so the ICS and region
 * views can show it beside the trusts.
 */
export function planDemoReturns(systems: DemoSystem[], reserved: readonly string[]): PlannedReturn[] {
  const planned: PlannedReturn[] = [];
  let drafts = 0;
  for (const system of systems) {
    const owned: Owned[] = [...system.trusts]
      .sort((a, b) => a.odsCode.localeCompare(b.odsCode))
      .flatMap((trust) =>
        [...trust.careSettings].sort().map((careSetting): Owned => ({
          trust,
          careSetting,
          state: reserved.includes(trust.odsCode) ? 'not-started' : 'submitted',
        })),
      );
    leaveUnsealed(owned);
    const sealed = owned.filter((o) => o.state === 'submitted');
    if (sealed.length > 1) sealed[1]!.state = 'reopened';
    for (const { trust, careSetting, state } of owned) {
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

/** Gives each state short of sealed to a sealed return its care setting can spare (see above). */
function leaveUnsealed(owned: Owned[]): void {
  const careSettings = CARE_SETTINGS.filter((s) => owned.some((o) => o.careSetting === s));
  const sealedIn = (s: CareSetting) => owned.filter((o) => o.careSetting === s && o.state === 'submitted');
  const needed = (s: CareSetting, i: number) =>
    i === 0 ? Math.min(COMMON_GAPS_MIN_ORGANISATIONS, owned.filter((o) => o.careSetting === s).length) : 1;
  for (const state of UNSEALED_STATES) {
    let best: { spare: number; returns: Owned[] } | null = null;
    for (const [i, s] of careSettings.entries()) {
      const returns = sealedIn(s);
      const spare = returns.length - needed(s, i);
      if (spare > 0 && (!best || spare > best.spare)) best = { spare, returns };
    }
    if (!best) return;
    best.returns.at(-1)!.state = state;
  }
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
