import { Module, type OnModuleInit } from '@nestjs/common';
import { PolicyService } from '../access/policy.service.js';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { CyclesModule } from '../cycles/cycles.module.js';
import { DemoModule } from '../demo/demo.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { ImportsModule } from '../imports/imports.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ResultsController } from './results.controller.js';
import { ResultsData } from './results-data.js';
import { ResultsService } from './results.service.js';
import { TrendsService } from './trends.service.js';
import { AreaTrendsService } from './area-trends.service.js';
import { ResultsStoreModule } from '../result-store/results-store.module.js';
import { LevellingUpController } from './levelling-up.controller.js';
import { IcsDomainLevelsService } from './ics-domain-levels.service.js';
import { RegionWatchListsService } from './region-watch-lists.service.js';
import { ReturnsToChaseReader } from './returns-to-chase.reader.js';

/**
 * The results views: scores of sealed returns and published results, compared. Seals and returns
 * are read through assessments' reader, applied imports through imports' reader, the dated
 * hierarchy through HierarchyRepository; results themselves are written through ResultsStoreModule
 * (which those modules import, so nothing here is imported back).
 */
@Module({
  imports: [
    CyclesModule,
    DemoModule,
    FrameworksModule,
    OrganisationsModule,
    ResultsStoreModule,
    AssessmentsModule,
    ImportsModule,
  ],
  controllers: [ResultsController, LevellingUpController],
  providers: [
    ResultsData,
    ResultsService,
    TrendsService,
    AreaTrendsService,
    IcsDomainLevelsService,
    RegionWatchListsService,
    ReturnsToChaseReader,
  ],
  // The plans roll-up shows the same cycle as the results routes by default; board packs print the trend;
  // "Waiting for you" lists the returns to chase.
  exports: [ResultsService, TrendsService, ReturnsToChaseReader],
})
export class ResultsModule implements OnModuleInit {
  constructor(
    private readonly policy: PolicyService,
    private readonly results: ResultsService,
  ) {}

  /** Results routes are checked on their cycle's reference date (see ResourceParam.cycleDate). */
  onModuleInit(): void {
    this.policy.registerCycleDate(async (kind, id) => {
      const cycle = kind === 'completion' ? this.results.completionCycle(id) : this.results.cycle(id);
      return (await cycle).referenceDate;
    });
  }
}
