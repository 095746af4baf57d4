import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationDetail, OrganisationList } from '@wgll/contracts';
import { AtDateQuery } from '../../common/at-date.js';
import { ListOrganisationsQueryDto, OdsCodeParamDto } from './dto/organisation-queries.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
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
