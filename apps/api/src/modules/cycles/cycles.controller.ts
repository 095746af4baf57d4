import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Cycle, CycleList } from '@wgll/contracts';
import { Allow, CurrentUser, SignedIn } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { CyclesService } from './cycles.service.js';
import { CreateCycleDto, CycleIdParam, CycleListQueryDto, UpdateCycleDto } from './dto/cycle.dto.js';

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'Assessment cycles, newest first, with their status today',
    description: 'Retired cycles are left out unless `includeRetired=true`.',
  })
  list(@Query() query: CycleListQueryDto): Promise<CycleList> {
    return this.cycles.list(query.includeRetired === 'true');
  }

  @Get(':id')
  @SignedIn()
  @ApiOperation({ summary: 'One assessment cycle' })
  get(@Param() params: CycleIdParam): Promise<Cycle> {
    return this.cycles.get(params.id);
  }

  @Post()
  @Allow('cycle:manage')
  @ApiOperation({ summary: 'Create a cycle (national administrators)' })
  create(@Body() body: CreateCycleDto, @CurrentUser() user: Principal): Promise<Cycle> {
    return this.cycles.create(body, user);
  }

  @Post(':id/retire')
  @HttpCode(HttpStatus.OK)
  @Allow('cycle:manage')
  @ApiOperation({
    summary: 'Retire a cycle created by mistake (national administrators)',
    description:
      'It leaves the lists of current cycles and accepts no changes; its sealed returns and results stay readable. ' +
      '409 CYCLE_IN_USE while a return in progress holds answers. Audited; retiring it again changes nothing.',
  })
  retire(@Param() params: CycleIdParam, @CurrentUser() user: Principal): Promise<Cycle> {
    return this.cycles.retire(params.id, user);
  }

  @Patch(':id')
  @Allow('cycle:manage')
  @ApiOperation({ summary: "Change a cycle's opening or closing date (national administrators)" })
  update(
    @Param() params: CycleIdParam,
    @Body() body: UpdateCycleDto,
    @CurrentUser() user: Principal,
  ): Promise<Cycle> {
    return this.cycles.update(params.id, body, user);
  }
}
