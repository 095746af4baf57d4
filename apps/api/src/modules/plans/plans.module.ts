import { Module, type OnModuleInit } from '@nestjs/common';
import { ApprovalHooks } from '../assessments/approval-hooks.js';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { UsersModule } from '../users/users.module.js';
import { PlansController } from './plans.controller.js';
import { PlansService } from './plans.service.js';

/** Improvement plans (issue 17): targets, actions, projection, approvals and carry forward of a return's plan. */
@Module({
  imports: [AssessmentsModule, UsersModule],
  controllers: [PlansController],
  providers: [PlansService],
  exports: [PlansService],
})
export class PlansModule implements OnModuleInit {
  constructor(
    private readonly hooks: ApprovalHooks,
    private readonly plans: PlansService,
  ) {}

  /** A board approval of a return records the plan as it stands, in the same transaction. */
  onModuleInit(): void {
    this.hooks.register((manager, approved) => this.plans.onReturnApproved(manager, approved));
  }
}
