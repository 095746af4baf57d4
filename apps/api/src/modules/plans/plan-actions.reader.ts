import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** An action of an improvement plan with an owner and a due date, not done. */
export interface OpenAction {
  id: string;
  title: string;
  ownerId: string;
  dueDate: string;
  returnId: string;
}

/** What other modules (notifications) read of plan actions: the plan tables stay ours. */
@Injectable()
export class PlanActionsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Owned actions not done that are due on or before `by` (an ISO date), oldest due first. An action
   * carried forward into a later plan is left out: its copy there is the one being worked on.
   */
  async dueBy(by: string): Promise<OpenAction[]> {
    const rows = await this.dataSource.query<
      { id: string; title: string; owner_id: string; due_date: string; return_id: string }[]
    >(
      `SELECT a.id, a.title, a.owner_id, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, p.return_id
       FROM plan_action a JOIN improvement_plan p ON p.id = a.plan_id
       WHERE a.owner_id IS NOT NULL AND a.due_date IS NOT NULL AND a.due_date <= $1 AND a.state <> 'done'
         AND NOT EXISTS (SELECT 1 FROM plan_action c WHERE c.carried_from_action_id = a.id)
       ORDER BY a.due_date, a.id`,
      [by],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      ownerId: r.owner_id,
      dueDate: r.due_date,
      returnId: r.return_id,
    }));
  }
}
