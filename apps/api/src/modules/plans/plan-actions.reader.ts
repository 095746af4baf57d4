import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActionDue, ActionState } from '@wgll/contracts';
import type { DataSource } from 'typeorm';
import { PolicyService } from '../access/policy.service.js';
import type { Principal } from '../access/principal.js';
import { WaitingReturnsReader } from '../assessments/waiting-returns.reader.js';
import { addDays } from '../../common/iso-date.js';

/** How far ahead an action counts as coming due on "Waiting for you". */
export const ACTIONS_DUE_WITHIN_DAYS = 14;

/** An action of an improvement plan with an owner and a due date, not done. */
export interface OpenAction {
  id: string;
  title: string;
  ownerId: string;
  dueDate: string;
  state: ActionState;
  returnId: string;
}

/**
 * What other modules read of plan actions (notifications' reminders, "Waiting for you"): the plan
 * tables stay ours.
 */
@Injectable()
export class PlanActionsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly returns: WaitingReturnsReader,
  ) {}

  /**
   * Owned actions not done that are due on or before `by` (an ISO date), of one owner or of all,
   * oldest due first. An action carried forward into a later plan is left out: its copy there is the
   * one being worked on.
   */
  async dueBy(by: string, ownerId?: string): Promise<OpenAction[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        title: string;
        owner_id: string;
        due_date: string;
        state: ActionState;
        return_id: string;
      }[]
    >(
      `SELECT a.id, a.title, a.owner_id, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.state, p.return_id
       FROM plan_action a JOIN improvement_plan p ON p.id = a.plan_id
       WHERE a.owner_id IS NOT NULL AND a.due_date IS NOT NULL AND a.due_date <= $1 AND a.state <> 'done'
         AND ($2::uuid IS NULL OR a.owner_id = $2::uuid)
         AND NOT EXISTS (SELECT 1 FROM plan_action c WHERE c.carried_from_action_id = a.id)
       ORDER BY a.due_date, a.title, a.id`,
      [by, ownerId ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      ownerId: r.owner_id,
      dueDate: r.due_date,
      state: r.state,
      returnId: r.return_id,
    }));
  }

  /** The person's actions overdue or due within 14 days of `today`, soonest first, on returns they may see. */
  async forOwner(user: Principal, today: string): Promise<ActionDue[]> {
    const actions = await this.dueBy(addDays(today, ACTIONS_DUE_WITHIN_DAYS), user.id);
    const visible = await this.policy.visibleReturnIds(
      user,
      actions.map((a) => a.returnId),
    );
    const returns = await this.returns.describeByIds([...visible]);
    return actions.flatMap((a) => {
      const ret = returns.get(a.returnId);
      if (!ret) return [];
      return [
        {
          actionId: a.id,
          returnId: a.returnId,
          title: a.title,
          dueDate: a.dueDate,
          state: a.state,
          owner: ret.owner,
          careSetting: ret.careSetting,
          cycleName: ret.cycle.name,
        },
      ];
    });
  }
}
