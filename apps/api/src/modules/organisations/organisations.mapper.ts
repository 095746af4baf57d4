import type { CareSetting, IcsSummary, OrganisationSummary, RegionSummary, TrustType } from '@wgll/contracts';
import { operatingStatus } from './dated-period.js';
import type { IcsEntity } from './entities/ics.entity.js';
import type { RegionEntity } from './entities/region.entity.js';

export function toRegionSummary(r: RegionEntity): RegionSummary {
  return { odsCode: r.odsCode, name: r.name, onsCode: r.onsCode };
}

export function toIcsSummary(i: IcsEntity): IcsSummary {
  return { odsCode: i.odsCode, name: i.name, onsCode: i.onsCode, validFrom: i.validFrom, validTo: i.validTo };
}

/** A row of the "organisations at a date" query (see hierarchy.repository.ts). */
export interface OrganisationAtRow {
  ods_code: string;
  name: string;
  type: TrustType;
  care_settings: CareSetting[];
  opened_on: string | null;
  closed_on: string | null;
  ics_ods_code: string | null;
  ics_name: string | null;
  ics_ons_code: string | null;
  ics_valid_from: string | null;
  ics_valid_to: string | null;
  region_ods_code: string | null;
  region_name: string | null;
  region_ons_code: string | null;
}

export function toOrganisationSummary(row: OrganisationAtRow, at: string): OrganisationSummary {
  return {
    odsCode: row.ods_code,
    name: row.name,
    type: row.type,
    careSettings: row.care_settings,
    status: operatingStatus(row.opened_on, row.closed_on, at),
    ics:
      row.ics_ods_code !== null
        ? {
            odsCode: row.ics_ods_code,
            name: row.ics_name!,
            onsCode: row.ics_ons_code,
            validFrom: row.ics_valid_from!,
            validTo: row.ics_valid_to,
          }
        : null,
    region:
      row.region_ods_code !== null
        ? { odsCode: row.region_ods_code, name: row.region_name!, onsCode: row.region_ons_code! }
        : null,
  };
}
