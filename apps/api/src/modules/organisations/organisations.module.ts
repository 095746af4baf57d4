import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IcsRegionMembershipEntity } from './entities/ics-region-membership.entity.js';
import { IcsSuccessionEntity } from './entities/ics-succession.entity.js';
import { IcsEntity } from './entities/ics.entity.js';
import { OrganisationChangeEntity } from './entities/organisation-change.entity.js';
import { OrganisationIcsMembershipEntity } from './entities/organisation-ics-membership.entity.js';
import { OrganisationEntity } from './entities/organisation.entity.js';
import { RegionEntity } from './entities/region.entity.js';
import { HierarchyRepository } from './hierarchy.repository.js';
import { MeController, OrganisationsController } from './organisations.controller.js';
import { OrganisationsService } from './organisations.service.js';
import { IcsController, RegionsController } from './systems.controller.js';
import { SystemsService } from './systems.service.js';

/** The NHS organisation hierarchy: regions, ICSs and organisations, with dated membership. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      RegionEntity,
      IcsEntity,
      IcsRegionMembershipEntity,
      IcsSuccessionEntity,
      OrganisationEntity,
      OrganisationIcsMembershipEntity,
      OrganisationChangeEntity,
    ]),
  ],
  controllers: [OrganisationsController, MeController, IcsController, RegionsController],
  providers: [HierarchyRepository, OrganisationsService, SystemsService],
  exports: [OrganisationsService, SystemsService, HierarchyRepository],
})
export class OrganisationsModule {}
