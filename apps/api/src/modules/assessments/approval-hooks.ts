import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../access/principal.js';

/** A board approval of a return, as just recorded (inside the approval's transaction). */
export interface ReturnApproved {
  returnId: string;
  /** The return_approval row's id. */
  approvalId: string;
  approver: Principal;
  meetingDate: string;
  minuteReference: string;
}

/** Work another module does with a return's approval, in the same transaction (it fails with it). */
export type ApprovalHook = (manager: EntityManager, approved: ReturnApproved) => Promise<void>;

/**
 * What other modules record with a board approval (plans: the plan as approved). They register on
 * start-up, so assessments never imports them.
 */
@Injectable()
export class ApprovalHooks {
  private readonly hooks: ApprovalHook[] = [];

  register(hook: ApprovalHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, approved: ReturnApproved): Promise<void> {
    for (const hook of this.hooks) await hook(manager, approved);
  }
}
