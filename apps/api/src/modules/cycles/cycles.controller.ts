import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Cycle, CycleList } from '@wgll/contracts';
import { Allow, CurrentUser, SignedIn } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { CyclesService } from './cycles.service.js';
import { CreateCycleDto, CycleIdParam, UpdateCycleDto } from './dto/cycle.dto.js';

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Assessment cycles, newest first, with their status today' })
  list(): Promise<CycleList> {
    return this.cycles.list();
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
