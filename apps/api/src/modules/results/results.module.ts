import { Module } from '@nestjs/common';
import { DemoModule } from '../demo/demo.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ResultScoresRepository } from './result-scores.repository.js';
import { ResultsController } from './results.controller.js';
import { ResultsData } from './results-data.js';
import { ResultsService } from './results.service.js';

/** Scores of sealed returns and published results, and the views that compare them. */
@Module({
  imports: [DemoModule, FrameworksModule, OrganisationsModule],
  controllers: [ResultsController],
  providers: [ResultScoresRepository, ResultsData, ResultsService],
  exports: [ResultScoresRepository, ResultsData],
})
export class ResultsModule {}
