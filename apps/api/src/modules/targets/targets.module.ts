import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ResultsModule } from '../results/results.module.js';
import { TargetProgressService } from './target-progress.service.js';
import { TargetsController } from './targets.controller.js';
import { TargetsService } from './targets.service.js';

/**
 * National targets (issue 19): what counts, for which care settings, the share to reach and by when;
 * their progress read from sealed returns (through assessments' reader) and results (through the
 * results service), over the dated hierarchy.
 */
@Module({
  imports: [AssessmentsModule, FrameworksModule, OrganisationsModule, ResultsModule],
  controllers: [TargetsController],
  providers: [TargetsService, TargetProgressService],
  exports: [TargetsService],
})
export class TargetsModule {}
