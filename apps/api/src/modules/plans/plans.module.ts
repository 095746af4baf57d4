import { Module, type OnModuleInit } from '@nestjs/common';
import { ApprovalHooks } from '../assessments/approval-hooks.js';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ResultsModule } from '../results/results.module.js';
import { UsersModule } from '../users/users.module.js';
import { PlanActionsReader } from './plan-actions.reader.js';
import { PlansController } from './plans.controller.js';
import { PlansRollupController } from './plans-rollup.controller.js';
import { PlansRollupService } from './plans-rollup.service.js';
import { PlansService } from './plans.service.js';

/** Improvement plans (issue 17): targets, actions, projection, approvals and carry forward of a return's plan. */
@Module({
  // Frameworks, organisations (the dated hierarchy) and results (the default cycle): the ICS and region roll-up.
  imports: [AssessmentsModule, UsersModule, FrameworksModule, OrganisationsModule, ResultsModule],
  controllers: [PlansController, PlansRollupController],
  providers: [PlansService, PlansRollupService, PlanActionsReader],
  exports: [PlansService, PlanActionsReader],
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
