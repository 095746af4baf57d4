import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActionDue, ActionState } from '@wgll/contracts';
import type { DataSource } from 'typeorm';
import { can } from '../access/policy.js';
import { PolicyService } from '../access/policy.service.js';
import type { Principal } from '../access/principal.js';
import { WaitingReturnsReader } from '../assessments/waiting-returns.reader.js';
import { addDays } from '../organisations/dated-period.js';

/** How far ahead an action counts as coming due. */
export const ACTIONS_DUE_WITHIN_DAYS = 14;

/** Improvement-plan actions waiting for their owner: not done, and overdue or due soon. */
@Injectable()
export class ActionsDueReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly returns: WaitingReturnsReader,
  ) {}

  /** The person's actions overdue or due within 14 days of `today`, soonest first, on returns they may see. */
  async forOwner(user: Principal, today: string): Promise<ActionDue[]> {
    const rows = await this.dataSource.query<
      { id: string; title: string; due_date: string; state: ActionState; return_id: string }[]
    >(
      `SELECT a.id, a.title, a.due_date::text AS due_date, a.state, p.return_id
       FROM plan_action a JOIN improvement_plan p ON p.id = a.plan_id
       WHERE a.owner_id = $1 AND a.state <> 'done' AND a.due_date IS NOT NULL AND a.due_date <= $2
       ORDER BY a.due_date, a.title, a.id`,
      [user.id, addDays(today, ACTIONS_DUE_WITHIN_DAYS)],
    );
    const visible = new Set<string>();
    for (const returnId of new Set(rows.map((r) => r.return_id))) {
      const resource = await this.policy.resolve('return', returnId, '');
      if (resource && can(user.grants, 'return:view', resource)) visible.add(returnId);
    }
    const returns = await this.returns.describeByIds([...visible]);
    return rows.flatMap((r) => {
      const ret = returns.get(r.return_id);
      if (!ret) return [];
      return [
        {
          actionId: r.id,
          returnId: r.return_id,
          title: r.title,
          dueDate: r.due_date,
          state: r.state,
          owner: ret.owner,
          careSetting: ret.careSetting,
          cycleName: ret.cycle.name,
        },
      ];
    });
  }
}
