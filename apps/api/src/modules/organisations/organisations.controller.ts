import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationDetail, OrganisationList } from '@wgll/contracts';
import { AtDateQuery } from '../../common/at-date.js';
import { CurrentUser, SignedIn } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { PolicyService } from '../access/policy.service.js';
import { ListOrganisationsQueryDto, OdsCodeParamDto } from './dto/organisation-queries.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@SignedIn()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Search organisations by name or ODS code; filter by region, ICS, type; paginated',
  })
  @ApiOkResponse({
    description: 'OrganisationList: a page of organisations with their ICS and region on `at`',
  })
  list(@Query() query: ListOrganisationsQueryDto): Promise<OrganisationList> {
    return this.organisations.list(query);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One organisation with its ICS and region on a date, and its membership history' })
  @ApiOkResponse({ description: 'OrganisationDetail' })
  @ApiNotFoundResponse({ description: 'ORGANISATION_NOT_FOUND' })
  get(@Param() { code }: OdsCodeParamDto, @Query() { at }: AtDateQuery): Promise<OrganisationDetail> {
    return this.organisations.get(code, at);
  }
}

@ApiTags('organisations')
@Controller('me')
export class MeController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly policy: PolicyService,
  ) {}

  @Get('organisations')
  @SignedIn()
  @ApiOperation({
    summary: 'The organisations you may see named on a date: your own, your ICS, your region, or all',
    description: 'Scope follows the dated hierarchy: an ICS lead sees the organisations in the ICS on `at`.',
  })
  @ApiOkResponse({ description: 'OrganisationList' })
  mine(@Query() query: ListOrganisationsQueryDto, @CurrentUser() user: Principal): Promise<OrganisationList> {
    return this.organisations.list(query, this.policy.visibleScope(user, 'organisation:view'));
  }
}
