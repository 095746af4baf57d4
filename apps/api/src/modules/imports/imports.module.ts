import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ResultsStoreModule } from '../result-store/results-store.module.js';
import { AppliedImportsReader } from './applied-imports.reader.js';
import { ImportApplyService } from './import-apply.service.js';
import { ImportMatchingService } from './import-matching.service.js';
import { ImportStore } from './import-store.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

/** Imports of published results (NHS England's DMA data file). */
@Module({
  imports: [OrganisationsModule, ResultsStoreModule],
  controllers: [ImportsController],
  providers: [ImportStore, ImportMatchingService, ImportApplyService, ImportsService, AppliedImportsReader],
  exports: [ImportsService, AppliedImportsReader],
})
export class ImportsModule {}
