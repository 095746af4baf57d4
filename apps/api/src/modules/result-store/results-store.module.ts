import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { PrimaryCareScoresRepository } from './primary-care-scores.repository.js';
import { ResultScoresRepository } from './result-scores.repository.js';
import { ResultsChanges } from './results-changes.js';
import { ResultsWriter } from './results-writer.js';

/**
 * The writing side of results: result_score's rows (and primary_care_score's, the ICBs' primary care
 * survey) and the announcement of each change. Apart from the views (ResultsModule), so the modules
 * that record results (assessments, imports, cycles) do not depend on the views, which read through
 * those modules' readers.
 */
@Module({
  imports: [OrganisationsModule],
  providers: [ResultScoresRepository, ResultsChanges, ResultsWriter, PrimaryCareScoresRepository],
  exports: [ResultScoresRepository, ResultsChanges, ResultsWriter, PrimaryCareScoresRepository],
})
export class ResultsStoreModule {}
