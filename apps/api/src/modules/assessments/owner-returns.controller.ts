import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreateReturnsResult, ReturnList } from '@wgll/contracts';
import { Allow, CurrentUser } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { OdsCodeParamDto } from '../organisations/dto/organisation-queries.dto.js';
import { CreateOrganisationReturnsDto, CreateSystemReturnDto, CycleFilterQuery } from './dto/returns.dto.js';
import { ReturnsService } from './returns.service.js';

/** A trust's returns (one per care setting and cycle) and an ICB's own system-level returns. */
@ApiTags('returns')
@Controller()
export class OwnerReturnsController {
  constructor(private readonly returns: ReturnsService) {}

  @Get('organisations/:code/returns')
  @Allow('return:view', { type: 'organisation', param: 'code' })
  @ApiOperation({ summary: "A trust's returns, for one cycle or all" })
  organisationReturns(
    @Param() { code }: OdsCodeParamDto,
    @Query() { cycleId }: CycleFilterQuery,
  ): Promise<ReturnList> {
    return this.returns.list({ type: 'organisation', code }, cycleId);
  }

  @Post('organisations/:code/returns')
  @Allow('return:create', { type: 'organisation', param: 'code' })
  @ApiOperation({ summary: "Start a trust's returns for a cycle, one per care setting (trust leads)" })
  createOrganisationReturns(
    @Param() { code }: OdsCodeParamDto,
    @Body() body: CreateOrganisationReturnsDto,
    @CurrentUser() user: Principal,
  ): Promise<CreateReturnsResult> {
    return this.returns.createForOrganisation(code, body, user);
  }

  @Get('ics/:code/returns')
  @Allow('return:view', { type: 'ics', param: 'code' })
  @ApiOperation({ summary: "An ICB's own system-level returns" })
  icsReturns(
    @Param() { code }: OdsCodeParamDto,
    @Query() { cycleId }: CycleFilterQuery,
  ): Promise<ReturnList> {
    return this.returns.list({ type: 'ics', code }, cycleId);
  }

  @Post('ics/:code/returns')
  @Allow('return:create', { type: 'ics', param: 'code' })
  @ApiOperation({ summary: "Start the ICB's system-level return for a cycle (ICS leads)" })
  createSystemReturn(
    @Param() { code }: OdsCodeParamDto,
    @Body() body: CreateSystemReturnDto,
    @CurrentUser() user: Principal,
  ): Promise<CreateReturnsResult> {
    return this.returns.createForIcs(code, body, user);
  }
}
