import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { PrimaryCareScoresRepository } from './primary-care-scores.repository.js';
import { ResultScoresReader } from './result-scores.reader.js';
import { ResultScoresRepository } from './result-scores.repository.js';
import { ResultsChanges } from './results-changes.js';
import { ResultsWriter } from './results-writer.js';

/**
 * The stored results: result_score's rows (and primary_care_score's, the ICBs' primary care survey)
 * and the announcement of each change. Apart from the views
 * (ResultsModule), so the modules that record results (assessments, imports, cycles) do not depend on
 * the views. Others write only through ResultsWriter (which announces each change) and read through
 * ResultScoresReader; the repository that writes the rows stays inside.
 */
@Module({
  imports: [OrganisationsModule],
  providers: [
    ResultScoresRepository,
    PrimaryCareScoresRepository,
    ResultScoresReader,
    ResultsChanges,
    ResultsWriter,
  ],
  exports: [ResultScoresReader, ResultsChanges, ResultsWriter],
})
export class ResultsStoreModule {}
