import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { IcsDomainLevels, RegionWatchLists } from '@wgll/contracts';
import { Allow } from '../access/access.decorators.js';
import { OdsCodeParamDto } from '../organisations/dto/organisation-queries.dto.js';
import { IcsDomainLevelsQueryDto, RegionWatchListsQueryDto } from './dto/levelling-up.dto.js';
import { IcsDomainLevelsService } from './ics-domain-levels.service.js';
import { RegionWatchListsService } from './region-watch-lists.service.js';
import { ResultsService } from './results.service.js';

/**
 * Levelling up (issue 19): an ICS's domain levels and common gaps from its members' sealed returns,
 * and a region's organisations below the threshold or declining. The ICS is checked on the cycle's
 * reference date, as the ICS results route checks it (the guard reads it from `?cycle=`).
 */
@ApiTags('results')
@Controller()
export class LevellingUpController {
  constructor(
    private readonly results: ResultsService,
    private readonly domainLevels: IcsDomainLevelsService,
    private readonly watchLists: RegionWatchListsService,
  ) {}

  @Get('ics/:code/domain-levels')
  @Allow('ics:view', { type: 'ics', param: 'code', cycleDate: 'results' })
  @ApiOperation({
    summary:
      "Each member organisation's domain levels from its sealed return of the cycle (one care setting, " +
      'optionally one measure), and the common gaps: elements unmet in most of them',
  })
  @ApiOkResponse({ description: 'IcsDomainLevels (libs/contracts levelling-up.d.ts)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field errors (cycle, careSetting, measure)' })
  @ApiNotFoundResponse({
    description:
      "ICS_NOT_FOUND (also when the ICS did not exist on the cycle's reference date) or CYCLE_NOT_FOUND",
  })
  async icsDomainLevels(
    @Param() { code }: OdsCodeParamDto,
    @Query() query: IcsDomainLevelsQueryDto,
  ): Promise<IcsDomainLevels> {
    return this.domainLevels.ics(code, await this.results.cycle(query.cycle), query);
  }

  @Get('regions/:code/watch-lists')
  @Allow('region:view', { type: 'region', param: 'code' })
  @ApiOperation({
    summary:
      "A region's organisations below the threshold and those declining since the last comparable cycle, " +
      'per measure and overall (one care setting)',
  })
  @ApiOkResponse({ description: 'RegionWatchLists (libs/contracts levelling-up.d.ts)' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED with field errors (cycle, careSetting, threshold)',
  })
  @ApiNotFoundResponse({ description: 'REGION_NOT_FOUND or CYCLE_NOT_FOUND' })
  async regionWatchLists(
    @Param() { code }: OdsCodeParamDto,
    @Query() query: RegionWatchListsQueryDto,
  ): Promise<RegionWatchLists> {
    // Regions do not move: the rule on the region holds on any date.
    return this.watchLists.region(code, await this.results.cycle(query.cycle), query);
  }
}
