import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ResultsModule } from '../results/results.module.js';
import { PlansRollupController } from './plans-rollup.controller.js';
import { PlansRollupService } from './plans-rollup.service.js';

/**
 * The roll-up of improvement plans to ICSs and regions. Sealed returns are read through assessments'
 * AssessmentsReader, the dated hierarchy through HierarchyRepository, the default cycle through
 * results' ResultsService. (To be folded into PlansModule once it exists.)
 */
@Module({
  imports: [AssessmentsModule, FrameworksModule, OrganisationsModule, ResultsModule],
  controllers: [PlansRollupController],
  providers: [PlansRollupService],
})
export class PlansRollupModule {}
