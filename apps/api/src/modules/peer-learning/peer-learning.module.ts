import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { UsersModule } from '../users/users.module.js';
import { PeerLearningController } from './peer-learning.controller.js';
import { PeerMatchesService } from './peer-matches.service.js';
import { PeerSharingService } from './peer-sharing.service.js';

/**
 * Peer learning (issue 19): organisations' sharing settings and "who meets what we lack", read from
 * sealed returns only. Adding a peer's element to a plan goes through the plans route (audited there).
 */
@Module({
  imports: [AssessmentsModule, OrganisationsModule, UsersModule],
  controllers: [PeerLearningController],
  providers: [PeerSharingService, PeerMatchesService],
  exports: [PeerSharingService],
})
export class PeerLearningModule {}
