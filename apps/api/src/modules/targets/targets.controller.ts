import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { NationalTarget, NationalTargetList, NationalTargets, RegionTargets } from '@wgll/contracts';
import { Allow, CurrentUser, SignedIn } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { OdsCodeParamDto } from '../organisations/dto/organisation-queries.dto.js';
import { SaveTargetDto, TargetListQueryDto, TargetParams } from './dto/target.dto.js';
import { TargetProgressService } from './target-progress.service.js';
import { TargetsService } from './targets.service.js';

/** National targets: defined by national administrators; their progress in a region and in England. */
@ApiTags('targets')
@Controller()
export class TargetsController {
  constructor(
    private readonly targets: TargetsService,
    private readonly progress: TargetProgressService,
  ) {}

  @Get('targets')
  @SignedIn()
  @ApiOperation({
    summary: 'The national targets, soonest due first',
    description: 'Retired targets are left out unless `includeRetired=true`.',
  })
  @ApiOkResponse({ description: 'NationalTargetList (libs/contracts targets.d.ts)' })
  list(@Query() query: TargetListQueryDto): Promise<NationalTargetList> {
    return this.targets.list(query.includeRetired === 'true');
  }

  @Get('targets/:id')
  @SignedIn()
  @ApiOperation({ summary: 'One national target' })
  @ApiNotFoundResponse({ description: 'TARGET_NOT_FOUND' })
  get(@Param() { id }: TargetParams): Promise<NationalTarget> {
    return this.targets.get(id);
  }

  @Post('targets')
  @Allow('target:manage')
  @ApiOperation({
    summary: 'Create a national target (national administrators)',
    description:
      'What counts (a domain at or above a level, an element met, or a measure or overall score at or above a value), ' +
      'for which care settings, the share of organisations to reach and by when. Audited.',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field errors' })
  create(@Body() body: SaveTargetDto, @CurrentUser() user: Principal): Promise<NationalTarget> {
    return this.targets.create(body, user);
  }

  @Put('targets/:id')
  @Allow('target:manage')
  @ApiOperation({
    summary: 'Change a national target (national administrators)',
    description: 'Send the whole target with `baseVersion`, the version read. Audited.',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field errors' })
  @ApiNotFoundResponse({ description: 'TARGET_NOT_FOUND' })
  @ApiConflictResponse({ description: 'TARGET_CONFLICT (with `current`) when stale, or when retired' })
  update(
    @Param() { id }: TargetParams,
    @Body() body: SaveTargetDto,
    @CurrentUser() user: Principal,
  ): Promise<NationalTarget> {
    return this.targets.update(id, body, user);
  }

  @Post('targets/:id/retire')
  @HttpCode(HttpStatus.OK)
  @Allow('target:manage')
  @ApiOperation({
    summary: 'Retire a national target (national administrators)',
    description:
      'It leaves the progress views and can no longer change. Audited; retiring it again changes nothing.',
  })
  @ApiNotFoundResponse({ description: 'TARGET_NOT_FOUND' })
  retire(@Param() { id }: TargetParams, @CurrentUser() user: Principal): Promise<NationalTarget> {
    return this.targets.retire(id, user);
  }

  @Get('regions/:code/targets')
  @Allow('region:view', { type: 'region', param: 'code' })
  @ApiOperation({
    summary: "Each national target's progress in a region",
    description:
      "Per cycle with results: the region's organisations running the target's care settings, how many meet it, " +
      'how many not yet, how many have no data; the share, the outlook and the organisations not yet there, named. ' +
      'Domain and element targets read sealed returns only.',
  })
  @ApiOkResponse({ description: 'RegionTargets (libs/contracts targets.d.ts)' })
  @ApiNotFoundResponse({ description: 'REGION_NOT_FOUND' })
  region(@Param() { code }: OdsCodeParamDto): Promise<RegionTargets> {
    return this.progress.region(code);
  }

  @Get('national/targets')
  @Allow('national:view')
  @ApiOperation({
    summary: "Each national target's progress in England (organisations named) and in each region (counts)",
  })
  @ApiOkResponse({ description: 'NationalTargets (libs/contracts targets.d.ts)' })
  national(): Promise<NationalTargets> {
    return this.progress.national();
  }
}
