import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { IcsDetail, IcsLink, IcsList, IcsListItem, RegionDetail, RegionSummary } from '@wgll/contracts';
import { Repository } from 'typeorm';
import { NotFoundApiException } from '../../common/api-exception.js';
import { todayInLondon } from '../../common/iso-date.js';
import { isValidOn, operatingStatus } from './dated-period.js';
import { IcsRegionMembershipEntity } from './entities/ics-region-membership.entity.js';
import { IcsSuccessionEntity } from './entities/ics-succession.entity.js';
import { IcsEntity } from './entities/ics.entity.js';
import { RegionEntity } from './entities/region.entity.js';
import { HierarchyRepository } from './hierarchy.repository.js';
import { toIcsSummary, toOrganisationSummary, toRegionSummary } from './organisations.mapper.js';

/** ICSs and regions: the levels of the hierarchy above organisations. */
@Injectable()
export class SystemsService {
  constructor(
    private readonly hierarchy: HierarchyRepository,
    @InjectRepository(IcsEntity) private readonly icss: Repository<IcsEntity>,
    @InjectRepository(IcsRegionMembershipEntity)
    private readonly icsRegions: Repository<IcsRegionMembershipEntity>,
    @InjectRepository(IcsSuccessionEntity) private readonly successions: Repository<IcsSuccessionEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
  ) {}

  async listRegions(): Promise<RegionSummary[]> {
    const regions = await this.regions.find({ order: { name: 'ASC' } });
    return regions.map(toRegionSummary);
  }

  async getRegion(code: string, atDate: string | undefined): Promise<RegionDetail> {
    const region = await this.regions.findOneBy({ odsCode: code });
    if (!region)
      throw new NotFoundApiException('REGION_NOT_FOUND', `No NHS England region has the ODS code ${code}.`);
    const { at, items } = await this.listIcs(atDate, code);
    return { ...toRegionSummary(region), at, systems: items };
  }

  /** ICSs that existed on `at`, each with its region and assessed organisations on that date. */
  async listIcs(atDate: string | undefined, regionCode?: string): Promise<IcsList> {
    const at = atDate ?? todayInLondon();
    const [icss, periods, members] = await Promise.all([
      this.icss.find({ order: { name: 'ASC' } }),
      this.icsRegions.find({ relations: { region: true } }),
      this.hierarchy.findOrganisationsAt(at, { region: regionCode }),
    ]);
    const items: IcsListItem[] = icss
      .filter((ics) => isValidOn(ics, at))
      .map((ics) => {
        const region = periods.find((p) => p.icsCode === ics.odsCode && isValidOn(p, at))?.region ?? null;
        return {
          ...toIcsSummary(ics),
          status: operatingStatus(ics.validFrom, ics.validTo, at),
          region: region ? toRegionSummary(region) : null,
          members: members.rows
            .filter((m) => m.ics_ods_code === ics.odsCode)
            .map((m) => ({ odsCode: m.ods_code, name: m.name, type: m.type })),
        };
      })
      .filter((item) => !regionCode || item.region?.odsCode === regionCode);
    return { at, items };
  }

  async getIcs(code: string, atDate: string | undefined): Promise<IcsDetail> {
    const at = atDate ?? todayInLondon();
    const ics = await this.icss.findOneBy({ odsCode: code });
    if (!ics)
      throw new NotFoundApiException('ICS_NOT_FOUND', `No integrated care board has the ODS code ${code}.`);
    const [periods, before, after, members] = await Promise.all([
      this.icsRegions.find({
        where: { icsCode: code },
        relations: { region: true },
        order: { validFrom: 'ASC' },
      }),
      this.successions.find({ where: { successorCode: code }, relations: { predecessor: true } }),
      this.successions.find({ where: { predecessorCode: code }, relations: { successor: true } }),
      this.hierarchy.findOrganisationsAt(at, { ics: code }),
    ]);
    // On a date when the ICB did not exist, show the region it last (or first) belonged to.
    const period =
      periods.find((p) => isValidOn(p, at)) ??
      [...periods].reverse().find((p) => p.validFrom <= at) ??
      periods[0];
    const link = (other: IcsEntity, part: string | null): IcsLink => ({
      odsCode: other.odsCode,
      name: other.name,
      part,
    });
    return {
      ...toIcsSummary(ics),
      at,
      status: operatingStatus(ics.validFrom, ics.validTo, at),
      region: period?.region ? toRegionSummary(period.region) : null,
      predecessors: before.map((s) => link(s.predecessor!, s.part)),
      successors: after.map((s) => link(s.successor!, s.part)),
      organisations: members.rows.map((row) => toOrganisationSummary(row, at)),
    };
  }
}
