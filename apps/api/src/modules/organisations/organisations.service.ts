import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { OrganisationDetail, OrganisationList, OrganisationMembership } from '@wgll/contracts';
import { In, Repository } from 'typeorm';
import type { VisibleScope } from '../access/policy.js';
import { NotFoundApiException } from '../../common/api-exception.js';
import type { ListOrganisationsQueryDto } from './dto/organisation-queries.dto.js';
import { todayInLondon } from '../../common/iso-date.js';
import { isValidOn, operatingStatus } from './dated-period.js';
import { IcsRegionMembershipEntity } from './entities/ics-region-membership.entity.js';
import { OrganisationChangeEntity } from './entities/organisation-change.entity.js';
import { OrganisationIcsMembershipEntity } from './entities/organisation-ics-membership.entity.js';
import { OrganisationEntity } from './entities/organisation.entity.js';
import { HierarchyRepository } from './hierarchy.repository.js';
import { toIcsSummary, toOrganisationSummary, toRegionSummary } from './organisations.mapper.js';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly hierarchy: HierarchyRepository,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(OrganisationIcsMembershipEntity)
    private readonly memberships: Repository<OrganisationIcsMembershipEntity>,
    @InjectRepository(IcsRegionMembershipEntity)
    private readonly icsRegions: Repository<IcsRegionMembershipEntity>,
    @InjectRepository(OrganisationChangeEntity)
    private readonly changes: Repository<OrganisationChangeEntity>,
  ) {}

  /** Organisations matching the query; with `scope`, only those inside it on the date. */
  async list(query: ListOrganisationsQueryDto, scope?: VisibleScope): Promise<OrganisationList> {
    const at = query.at ?? todayInLondon();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await this.hierarchy.findOrganisationsAt(
      at,
      { ...query, scope },
      {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      },
    );
    return { at, page, pageSize, total, items: rows.map((row) => toOrganisationSummary(row, at)) };
  }

  async get(code: string, atDate: string | undefined): Promise<OrganisationDetail> {
    const at = atDate ?? todayInLondon();
    const organisation = await this.organisations.findOneBy({ odsCode: code });
    if (!organisation) {
      throw new NotFoundApiException('ORGANISATION_NOT_FOUND', `No organisation has the ODS code ${code}.`);
    }
    const [memberships, changes] = await Promise.all([
      this.memberships.find({
        where: { organisationCode: code },
        relations: { ics: true },
        order: { validFrom: 'ASC', basis: 'ASC' },
      }),
      this.changes.find({ where: { organisationCode: code }, order: { date: 'ASC' } }),
    ]);
    const regionPeriods = await this.icsRegions.find({
      where: { icsCode: In([...new Set(memberships.map((m) => m.icsCode))]) },
      relations: { region: true },
    });
    const regionOf = (icsCode: string, date: string) =>
      regionPeriods.find((p) => p.icsCode === icsCode && isValidOn(p, date))?.region ?? null;

    const history: OrganisationMembership[] = memberships.map((m) => {
      const region = regionOf(m.icsCode, m.validFrom);
      return {
        basis: m.basis,
        ics: toIcsSummary(m.ics!),
        region: region ? toRegionSummary(region) : null,
        validFrom: m.validFrom,
        validTo: m.validTo,
      };
    });
    const current = (basis: 'assessment' | 'headquarters') =>
      memberships.find((m) => m.basis === basis && isValidOn(m, at));
    const assessment = current('assessment');
    const headquarters = current('headquarters');
    const region = assessment ? regionOf(assessment.icsCode, at) : null;

    return {
      at,
      odsCode: organisation.odsCode,
      name: organisation.name,
      type: organisation.type,
      careSettings: organisation.careSettings,
      status: operatingStatus(organisation.openedOn, organisation.closedOn, at),
      ics: assessment ? toIcsSummary(assessment.ics!) : null,
      region: region ? toRegionSummary(region) : null,
      typeGroup: organisation.typeGroup,
      hqPostcode: organisation.hqPostcode,
      openedOn: organisation.openedOn,
      closedOn: organisation.closedOn,
      previousNames: organisation.previousNames,
      headquartersIcs: headquarters ? toIcsSummary(headquarters.ics!) : null,
      memberships: history,
      changes: changes.map((c) => ({
        kind: c.kind,
        date: c.date,
        description: c.description,
        source: c.source,
      })),
    };
  }
}
