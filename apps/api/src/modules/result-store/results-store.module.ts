import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ResultScoresRepository } from './result-scores.repository.js';
import { ResultsChanges } from './results-changes.js';
import { ResultsWriter } from './results-writer.js';

/**
 * The writing side of results: result_score's rows and the announcement of each change. Apart from
 * the views (ResultsModule), so the modules that record results (assessments, imports, cycles) do
 * not depend on the views, which read through those modules' readers.
 */
@Module({
  imports: [OrganisationsModule],
  providers: [ResultScoresRepository, ResultsChanges, ResultsWriter],
  exports: [ResultScoresRepository, ResultsChanges, ResultsWriter],
})
export class ResultsStoreModule {}
