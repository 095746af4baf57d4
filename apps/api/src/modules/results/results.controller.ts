import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  Action,
  AreaResults,
  AreaTrends,
  NationalTrends,
  TrustTrends,
  IcsCompletion,
  IcsResults,
  RegionCompletion,
  ResultCycle,
  ResultCycleList,
  TrustResults,
} from '@wgll/contracts';
import { Allow, CurrentUser, SignedIn } from '../access/access.decorators.js';
import { PolicyService } from '../access/policy.service.js';
import type { Principal } from '../access/principal.js';
import { OdsCodeParamDto } from '../organisations/dto/organisation-queries.dto.js';
import { forbidden } from '../access/policy.service.js';
import {
  AreaResultsQueryDto,
  CompletionQueryDto,
  IcsTrendsQueryDto,
  ResultsQueryDto,
  TrendsQueryDto,
} from './dto/results.dto.js';
import { ResultsService } from './results.service.js';
import { TrendsService } from './trends.service.js';
import { AreaTrendsService } from './area-trends.service.js';

/**
 * Results and comparisons. The access rule places the organisation, ICS or region on `?at=`, else on
 * the cycle's reference date (the cycle asked for, or the one shown by default); when `at` is not that
 * date the rule is checked again on it, so what a person sees of a cycle follows the hierarchy of
 * that cycle.
 */
@ApiTags('results')
@Controller()
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly policy: PolicyService,
    private readonly trends: TrendsService,
    private readonly areaTrends: AreaTrendsService,
  ) {}

  @Get('results/cycles')
  @SignedIn()
  @ApiOperation({ summary: 'Cycles with where their results come from (published or sealed returns)' })
  @ApiOkResponse({ description: 'ResultCycleList' })
  cycles(): Promise<ResultCycleList> {
    return this.results.cycles();
  }

  @Get('organisations/:code/results')
  @Allow('organisation:view', { type: 'organisation', param: 'code', cycleDate: 'results' })
  @ApiOperation({
    summary:
      "A trust's measure scores against its ICS and England (same care setting), and its ICS peers named",
  })
  @ApiOkResponse({ description: 'TrustResults (libs/contracts results.d.ts)' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED with field errors (cycle, careSetting, basis, threshold, at)',
  })
  @ApiNotFoundResponse({ description: 'ORGANISATION_NOT_FOUND or CYCLE_NOT_FOUND' })
  async trust(
    @Param() { code }: OdsCodeParamDto,
    @Query() query: ResultsQueryDto,
    @CurrentUser() user: Principal,
  ): Promise<TrustResults> {
    const cycle = await this.results.cycle(query.cycle);
    await this.assertOnReferenceDate(user, 'organisation:view', 'organisation', code, cycle, query.at);
    const results = await this.results.trust(code, cycle, query.careSetting);
    // A sealed return's answers (its domains' levels and what the next level needs) are for those who
    // may read the return itself, as in the returns module; others see its scores only.
    const organisation = {
      type: 'organisation',
      code,
      ics: results.ics?.odsCode ?? null,
      region: results.region?.odsCode ?? null,
    } as const;
    return this.policy.can(user, 'return:view', organisation)
      ? results
      : { ...results, domains: null, returnId: null };
  }

  @Get('organisations/:code/trends')
  @Allow('organisation:view', { type: 'organisation', param: 'code' })
  @ApiOperation({
    summary:
      "A trust's progress over the years (one care setting): measure and domain trends across every cycle " +
      'with results, breaks where the instrument changes, and the change since the last cycle',
  })
  @ApiOkResponse({ description: 'TrustTrends (libs/contracts trends.d.ts)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field errors (careSetting, at)' })
  @ApiNotFoundResponse({ description: 'ORGANISATION_NOT_FOUND' })
  trustTrends(
    @Param() { code }: OdsCodeParamDto,
    @Query() query: TrendsQueryDto,
    @CurrentUser() user: Principal,
  ): Promise<TrustTrends> {
    // Each cycle on its own reference date, as GET organisations/:code/results checks it.
    return this.trends.trust(code, query.careSetting, async (referenceDate) => {
      const resource = await this.policy.resolve('organisation', code, referenceDate);
      return resource !== null && this.policy.can(user, 'organisation:view', resource);
    });
  }

  @Get('ics/:code/results')
  @Allow('ics:view', { type: 'ics', param: 'code', cycleDate: 'results' })
  @ApiOperation({
    summary: "Every organisation of an ICS × the seven measures, the ICB's own return and the spread",
  })
  @ApiOkResponse({ description: 'IcsResults' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED with field errors (cycle, careSetting, basis, threshold, at)',
  })
  @ApiNotFoundResponse({
    description:
      "ICS_NOT_FOUND (also when the ICS did not exist on the cycle's reference date) or CYCLE_NOT_FOUND",
  })
  async ics(
    @Param() { code }: OdsCodeParamDto,
    @Query() query: ResultsQueryDto,
    @CurrentUser() user: Principal,
  ): Promise<IcsResults> {
    const cycle = await this.results.cycle(query.cycle);
    await this.assertOnReferenceDate(user, 'ics:view', 'ics', code, cycle, query.at);
    return this.results.ics(code, cycle, query.careSetting);
  }

  @Get('ics/:code/trends')
  @Allow('ics:view', { type: 'ics', param: 'code' })
  @ApiOperation({
    summary:
      "An ICS's progress over the years (one care setting): per measure per cycle the median of its member " +
      "organisations' scores with the count, on today's boundaries or as it was then, and the ICB's own return",
  })
  @ApiOkResponse({ description: 'AreaTrends (libs/contracts trends.d.ts)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field errors (careSetting, boundaries, at)' })
  @ApiNotFoundResponse({ description: 'ICS_NOT_FOUND' })
  icsTrends(@Param() { code }: OdsCodeParamDto, @Query() query: IcsTrendsQueryDto): Promise<AreaTrends> {
    return this.areaTrends.ics(code, query.careSetting, query.boundaries ?? 'today');
  }

  @Get('ics/:code/completion')
  @Allow('ics:view', { type: 'ics', param: 'code', cycleDate: 'completion' })
  @ApiOperation({ summary: "The state of each return of the cycle in an ICS (never a draft's content)" })
  @ApiOkResponse({ description: 'IcsCompletion' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED with field errors (cycle, careSetting, basis, threshold, at)',
  })
  @ApiNotFoundResponse({ description: 'ICS_NOT_FOUND or CYCLE_NOT_FOUND' })
  async icsCompletion(
    @Param() { code }: OdsCodeParamDto,
    @Query() query: CompletionQueryDto,
    @CurrentUser() user: Principal,
  ): Promise<IcsCompletion> {
    const cycle = await this.results.completionCycle(query.cycle);
    await this.assertOnReferenceDate(user, 'ics:view', 'ics', code, cycle, query.at);
    return this.results.icsCompletion(code, cycle);
  }

  @Get('regions/:code/results')
  @Allow('region:view', { type: 'region', param: 'code' })
  @ApiOperation({
    summary:
      "A region's ICSs × measures (provider distribution or ICB return), share below a threshold, movement",
  })
  @ApiOkResponse({ description: 'AreaResults' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED with field errors (cycle, careSetting, basis, threshold, at)',
  })
  @ApiNotFoundResponse({ description: 'REGION_NOT_FOUND or CYCLE_NOT_FOUND' })
  async region(
    @Param() { code }: OdsCodeParamDto,
    @Query() query: AreaResultsQueryDto,
  ): Promise<AreaResults> {
    // Regions do not move: the rule on the region holds on any date.
    return this.results.area({ type: 'region', code }, await this.results.cycle(query.cycle), query);
  }

  @Get('regions/:code/trends')
  @Allow('region:view', { type: 'region', param: 'code' })
  @ApiOperation({
    summary:
      "A region's progress over the years (one care setting): per measure per cycle the median of its " +
      "organisations' scores with the count",
  })
  @ApiOkResponse({ description: 'AreaTrends (libs/contracts trends.d.ts)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field errors (careSetting, at)' })
  @ApiNotFoundResponse({ description: 'REGION_NOT_FOUND' })
  regionTrends(@Param() { code }: OdsCodeParamDto, @Query() query: TrendsQueryDto): Promise<AreaTrends> {
    return this.areaTrends.region(code, query.careSetting);
  }

  @Get('regions/:code/completion')
  @Allow('region:view', { type: 'region', param: 'code' })
  @ApiOperation({ summary: "Completion of the cycle's returns in a region, by ICS" })
  @ApiOkResponse({ description: 'RegionCompletion' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED with field errors (cycle, careSetting, basis, threshold, at)',
  })
  @ApiNotFoundResponse({ description: 'REGION_NOT_FOUND or CYCLE_NOT_FOUND' })
  async regionCompletion(
    @Param() { code }: OdsCodeParamDto,
    @Query() query: CompletionQueryDto,
  ): Promise<RegionCompletion> {
    return this.results.regionCompletion(code, await this.results.completionCycle(query.cycle));
  }

  @Get('national/results')
  @Allow('national:view')
  @ApiOperation({ summary: 'Regions × measures with the same distributions (national administrators)' })
  @ApiOkResponse({ description: 'AreaResults' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED with field errors (cycle, careSetting, basis, threshold, at)',
  })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async national(@Query() query: AreaResultsQueryDto): Promise<AreaResults> {
    return this.results.area({ type: 'national', code: null }, await this.results.cycle(query.cycle), query);
  }

  @Get('national/trends')
  @SignedIn()
  @ApiOperation({
    summary:
      "England's median per measure per cycle (one care setting), withheld below 5 organisations: for " +
      "anyone who may see a trust's results, as its national figures are",
  })
  @ApiOkResponse({ description: 'NationalTrends (libs/contracts trends.d.ts)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field errors (careSetting, at)' })
  nationalTrends(@Query() query: TrendsQueryDto, @CurrentUser() user: Principal): Promise<NationalTrends> {
    // The trust results page shows England's distributions to whoever may view a trust's results.
    const scope = this.policy.visibleScope(user, 'organisation:view');
    if (!scope.all && scope.regions.length + scope.ics.length + scope.organisations.length === 0)
      throw forbidden();
    return this.trends.national(query.careSetting ?? 'acute');
  }

  private async assertOnReferenceDate(
    user: Principal,
    action: Action,
    type: 'organisation' | 'ics',
    code: string,
    cycle: ResultCycle,
    at: string | undefined,
  ): Promise<void> {
    if (at === cycle.referenceDate) return;
    this.policy.assert(user, action, await this.policy.resolve(type, code, cycle.referenceDate));
  }
}
