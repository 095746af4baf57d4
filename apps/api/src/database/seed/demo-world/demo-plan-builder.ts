import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayInLondon } from '../../../common/iso-date.js';
import type { Principal } from '../../../modules/access/principal.js';
import { AssessmentsReader } from '../../../modules/assessments/assessments.reader.js';
import { applicableDomains } from '../../../modules/assessments/return-view.js';
import { PlansService } from '../../../modules/plans/plans.service.js';
import type { DemoTeam } from './demo-people.js';
import { DEMO_PLAN_CARE_SETTING, DEMO_PLAN_TRUST, demoImprovementPlan } from './demo-improvement-plan.js';

export interface DemoPlanSummary {
  returnId: string | null;
  targets: number;
  actionsAdded: number;
  approved: boolean;
}

/**
 * Guy's and St Thomas' improvement plan on its sealed acute return, made through the plans service as
 * its people would: the trust lead sets the targets and adds the actions (owned by the lead and the
 * contributors), the board approver approves the plan. Idempotent: what is there already (targets
 * saved, an action for an element, an approval) is not made again, so a start cut short completes
 * the plan at the next.
 */
export async function seedDemoImprovementPlan(
  app: INestApplicationContext,
  cycle: { id: string; referenceDate: string },
  today: string,
  team: DemoTeam,
  people: Map<string, Principal>,
): Promise<DemoPlanSummary> {
  const dataSource = app.get(DataSource);
  const [row] = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM assessment_return WHERE cycle_id = $1 AND level = 'organisation'
       AND organisation_code = $2 AND care_setting = $3 AND state = 'submitted'`,
    [cycle.id, DEMO_PLAN_TRUST, DEMO_PLAN_CARE_SETTING],
  );
  const ret = row ? await app.get(AssessmentsReader).forPlan(row.id) : null;
  if (!ret) return { returnId: null, targets: 0, actionsAdded: 0, approved: false };
  const lead = people.get(team.lead.email)!;
  const board = people.get(team.board.email)!;
  const owners = [team.lead, ...team.contributors].map((a) => people.get(a.email)!.id);
  const plan = demoImprovementPlan(
    applicableDomains(ret.framework, ret.careSetting),
    ret.answers,
    cycle.referenceDate,
    today,
    owners,
  );
  const plans = app.get(PlansService);
  let current = await plans.get(ret.id, lead);
  if (current.version === 0) {
    current = await plans.saveTargets(
      ret.id,
      { baseVersion: 0, targetDate: plan.targetDate, targets: plan.targets, measureTargets: [] },
      lead,
    );
  }
  const covered = new Set(current.actions.flatMap((a) => a.elementIds));
  let actionsAdded = 0;
  for (const action of plan.actions) {
    if (action.elementIds.every((e) => covered.has(e))) continue;
    await plans.addAction(ret.id, action, lead);
    actionsAdded += 1;
  }
  if (current.approvals.length === 0) {
    const now = todayInLondon();
    await plans.approve(
      ret.id,
      {
        meetingDate: today < now ? today : now,
        minuteReference: `Trust board minute ${ret.cycle.name}/plan`,
      },
      board,
    );
  }
  return { returnId: ret.id, targets: plan.targets.length, actionsAdded, approved: true };
}
