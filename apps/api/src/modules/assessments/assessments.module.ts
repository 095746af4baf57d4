import { Module, type OnModuleInit } from '@nestjs/common';
import { PolicyService } from '../access/policy.service.js';
import { CyclesModule } from '../cycles/cycles.module.js';
import { DemoModule } from '../demo/demo.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { ResultsStoreModule } from '../result-store/results-store.module.js';
import { UsersModule } from '../users/users.module.js';
import { ApprovalHooks } from './approval-hooks.js';
import { AnswersRepository } from './answers.repository.js';
import { AssessmentsReader } from './assessments.reader.js';
import { AnswersService } from './answers.service.js';
import { AssignmentsService } from './assignments.service.js';
import { CarryForwardService } from './carry-forward.service.js';
import { EvidenceService } from './evidence.service.js';
import { OwnerReturnsController } from './owner-returns.controller.js';
import { PeerReturnsReader } from './peer-returns.reader.js';
import { ReturnExportController } from './return-export.controller.js';
import { ReturnExportService } from './return-export.service.js';
import { ReturnStore } from './return-store.js';
import { ReturnsController, ReturnsSupportController } from './returns.controller.js';
import { ReturnsService } from './returns.service.js';
import { SealCheckService } from './seal-check.service.js';
import { WaitingReturnsReader } from './waiting-returns.reader.js';
import { WorkflowService } from './workflow.service.js';

/** Assessment returns: answers, evidence, assignments, carry forward, approval, sealing, reopening. */
@Module({
  imports: [CyclesModule, DemoModule, FrameworksModule, ResultsStoreModule, UsersModule],
  controllers: [OwnerReturnsController, ReturnsController, ReturnsSupportController, ReturnExportController],
  providers: [
    ReturnStore,
    ReturnsService,
    AnswersService,
    AnswersRepository,
    EvidenceService,
    AssignmentsService,
    CarryForwardService,
    WorkflowService,
    SealCheckService,
    ReturnExportService,
    AssessmentsReader,
    ApprovalHooks,
    PeerReturnsReader,
    WaitingReturnsReader,
  ],
  exports: [
    ReturnsService,
    AssessmentsReader,
    ApprovalHooks,
    PeerReturnsReader,
    ReturnExportService,
    WaitingReturnsReader,
  ],
})
export class AssessmentsModule implements OnModuleInit {
  constructor(
    private readonly policy: PolicyService,
    private readonly store: ReturnStore,
  ) {}

  /** Lets `@Allow(…, { type: 'return' })` place a return as its trust or ICB on its cycle's date. */
  onModuleInit(): void {
    this.policy.registerLocator('return', (id) => this.store.locate(id));
  }
}
