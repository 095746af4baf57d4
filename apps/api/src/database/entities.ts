import { FrameworkVersionEntity } from '../modules/frameworks/entities/framework-version.entity.js';
import { IcsRegionMembershipEntity } from '../modules/organisations/entities/ics-region-membership.entity.js';
import { IcsSuccessionEntity } from '../modules/organisations/entities/ics-succession.entity.js';
import { IcsEntity } from '../modules/organisations/entities/ics.entity.js';
import { OrganisationChangeEntity } from '../modules/organisations/entities/organisation-change.entity.js';
import { OrganisationIcsMembershipEntity } from '../modules/organisations/entities/organisation-ics-membership.entity.js';
import { OrganisationEntity } from '../modules/organisations/entities/organisation.entity.js';
import { RegionEntity } from '../modules/organisations/entities/region.entity.js';

/** Every entity, listed explicitly (ESM: no globbing of compiled files). */
export const entities = [
  RegionEntity,
  IcsEntity,
  IcsRegionMembershipEntity,
  IcsSuccessionEntity,
  OrganisationEntity,
  OrganisationIcsMembershipEntity,
  OrganisationChangeEntity,
  FrameworkVersionEntity,
];
