import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ResultsModule } from '../results/results.module.js';
import { BoardPackController } from './board-pack.controller.js';
import { BoardPackGenerator } from './board-pack.generator.js';
import { BoardPackService } from './board-pack.service.js';

/**
 * Board packs (issue 18): a return's PDF for its board, drawn with pdfkit (pure JavaScript, the
 * standard PDF fonts: no browser, no font files). Reads returns, results, trends and plans through
 * the services those modules export.
 */
@Module({
  imports: [AssessmentsModule, FrameworksModule, PlansModule, ResultsModule],
  controllers: [BoardPackController],
  providers: [BoardPackService, BoardPackGenerator],
})
export class BoardPackModule {}
