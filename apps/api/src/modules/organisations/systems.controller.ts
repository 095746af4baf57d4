import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IcsDetail, IcsList, RegionDetail, RegionSummary } from '@wgll/contracts';
import { AtDateQuery } from '../../common/at-date.js';
import { SignedIn } from '../access/access.decorators.js';
import { ListIcsQueryDto, OdsCodeParamDto } from './dto/organisation-queries.dto.js';
import { SystemsService } from './systems.service.js';

@ApiTags('organisations')
@SignedIn()
@Controller('ics')
export class IcsController {
  constructor(private readonly systems: SystemsService) {}

  @Get()
  @ApiOperation({ summary: 'ICSs that existed on a date, with their region and member organisations' })
  @ApiOkResponse({ description: 'IcsList' })
  list(@Query() { at, region }: ListIcsQueryDto): Promise<IcsList> {
    return this.systems.listIcs(at, region);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One ICS: region, predecessors and successors, organisations on a date' })
  @ApiOkResponse({ description: 'IcsDetail' })
  @ApiNotFoundResponse({ description: 'ICS_NOT_FOUND' })
  get(@Param() { code }: OdsCodeParamDto, @Query() { at }: AtDateQuery): Promise<IcsDetail> {
    return this.systems.getIcs(code, at);
  }
}

@ApiTags('organisations')
@SignedIn()
@Controller('regions')
export class RegionsController {
  constructor(private readonly systems: SystemsService) {}

  @Get()
  @ApiOperation({ summary: 'The seven NHS England regions' })
  @ApiOkResponse({ description: 'RegionSummary[]' })
  list(): Promise<RegionSummary[]> {
    return this.systems.listRegions();
  }

  @Get(':code')
  @ApiOperation({ summary: 'One region with its ICSs on a date' })
  @ApiOkResponse({ description: 'RegionDetail' })
  @ApiNotFoundResponse({ description: 'REGION_NOT_FOUND' })
  get(@Param() { code }: OdsCodeParamDto, @Query() { at }: AtDateQuery): Promise<RegionDetail> {
    return this.systems.getRegion(code, at);
  }
}
