import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { IcsPlans, RegionPlans } from '@wgll/contracts';
import { Allow } from '../access/access.decorators.js';
import { OdsCodeParamDto } from '../organisations/dto/organisation-queries.dto.js';
import { IcsPlansQueryDto, RegionPlansQueryDto } from './dto/plans-rollup.dto.js';
import { PlansRollupService } from './plans-rollup.service.js';

/**
 * Improvement plans rolled up to an ICS and a region: sealed returns of the cycle only, and no free
 * text (titles, states, dates and counts). The ICS is checked on the cycle's reference date, as the
 * ICS results route checks it (the guard reads it from `?cycle=`, or the default cycle).
 */
@ApiTags('plans')
@Controller()
export class PlansRollupController {
  constructor(private readonly rollup: PlansRollupService) {}

  @Get('ics/:code/plans')
  @Allow('ics:view', { type: 'ics', param: 'code', cycleDate: 'results' })
  @ApiOperation({
    summary:
      "Each member organisation's improvement plan (sealed returns of the cycle): targets against today's " +
      'levels, projected and target scores, action counts and outlines, and the common gaps',
  })
  @ApiOkResponse({ description: 'IcsPlans (libs/contracts plans.d.ts)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field errors (cycle)' })
  @ApiNotFoundResponse({
    description:
      "ICS_NOT_FOUND (also when the ICS did not exist on the cycle's reference date) or CYCLE_NOT_FOUND",
  })
  async ics(@Param() { code }: OdsCodeParamDto, @Query() query: IcsPlansQueryDto): Promise<IcsPlans> {
    return this.rollup.ics(code, await this.rollup.cycle(query.cycle));
  }

  @Get('regions/:code/plans')
  @Allow('region:view', { type: 'region', param: 'code' })
  @ApiOperation({
    summary:
      "Improvement plans of a region's ICSs (sealed returns of the cycle): counts and common gaps per ICS, " +
      'and the organisations whose plans do not reach the threshold by their target date',
  })
  @ApiOkResponse({ description: 'RegionPlans (libs/contracts plans.d.ts)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field errors (cycle, threshold)' })
  @ApiNotFoundResponse({ description: 'REGION_NOT_FOUND or CYCLE_NOT_FOUND' })
  async region(
    @Param() { code }: OdsCodeParamDto,
    @Query() query: RegionPlansQueryDto,
  ): Promise<RegionPlans> {
    // Regions do not move: the rule on the region holds on any date.
    return this.rollup.region(code, await this.rollup.cycle(query.cycle), query.threshold);
  }
}
