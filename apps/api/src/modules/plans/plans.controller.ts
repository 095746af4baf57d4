import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApprovedPlan, ImprovementPlan, PlanAction, PlanApprovalRecord } from '@wgll/contracts';
import { Allow, CurrentUser } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import {
  ActionParams,
  ApprovalParams,
  ApprovePlanDto,
  BaseVersionQuery,
  CreateActionDto,
  MergeActionsDto,
  PlanParams,
  SavePlanDto,
  UpdateActionDto,
} from './dto/plans.dto.js';
import { PlansService } from './plans.service.js';

const RETURN = { type: 'return', param: 'id' } as const;

/** A return's improvement plan: targets, actions, projected scores and the board's approvals. */
@ApiTags('plans')
@Controller('returns/:id/plan')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @Allow('return:view', RETURN)
  @ApiOperation({ summary: 'The plan with proposals from the gap, today’s, projected and target scores' })
  get(@Param() { id }: PlanParams, @CurrentUser() user: Principal): Promise<ImprovementPlan> {
    return this.plans.get(id, user);
  }

  @Put()
  @Allow('return:submit', RETURN)
  @ApiOperation({ summary: 'Set the targets (trust lead); 409 PLAN_CONFLICT with `current` when stale' })
  save(
    @Param() { id }: PlanParams,
    @Body() body: SavePlanDto,
    @CurrentUser() user: Principal,
  ): Promise<ImprovementPlan> {
    return this.plans.saveTargets(id, body, user);
  }

  @Post('actions')
  @Allow('return:submit', RETURN)
  @ApiOperation({ summary: 'Add an action (trust lead)' })
  add(
    @Param() { id }: PlanParams,
    @Body() body: CreateActionDto,
    @CurrentUser() user: Principal,
  ): Promise<PlanAction> {
    return this.plans.addAction(id, body, user);
  }

  @Post('actions/merge')
  @HttpCode(200)
  @Allow('return:submit', RETURN)
  @ApiOperation({
    summary: 'Merge actions of one domain into the first (trust lead); 409 ACTION_CONFLICT when stale',
  })
  merge(
    @Param() { id }: PlanParams,
    @Body() body: MergeActionsDto,
    @CurrentUser() user: Principal,
  ): Promise<PlanAction> {
    return this.plans.mergeActions(id, body, user);
  }

  @Patch('actions/:actionId')
  @Allow('return:answer', RETURN)
  @ApiOperation({
    summary:
      'Change an action: the trust lead any field, its owner (contributor) its state, description, evidence and blocked reason; 409 ACTION_CONFLICT when stale',
  })
  update(
    @Param() { id, actionId }: ActionParams,
    @Body() body: UpdateActionDto,
    @CurrentUser() user: Principal,
  ): Promise<PlanAction> {
    return this.plans.updateAction(id, actionId, body, user);
  }

  @Delete('actions/:actionId')
  @HttpCode(204)
  @Allow('return:submit', RETURN)
  @ApiOperation({ summary: 'Remove an action (trust lead); 409 ACTION_CONFLICT when stale' })
  remove(
    @Param() { id, actionId }: ActionParams,
    @Query() { baseVersion }: BaseVersionQuery,
    @CurrentUser() user: Principal,
  ): Promise<void> {
    return this.plans.removeAction(id, actionId, baseVersion, user);
  }

  @Post('approvals')
  @Allow('return:approve', RETURN)
  @ApiOperation({ summary: 'Approve the plan of a submitted return on its own (board approvers)' })
  approve(
    @Param() { id }: PlanParams,
    @Body() body: ApprovePlanDto,
    @CurrentUser() user: Principal,
  ): Promise<PlanApprovalRecord> {
    return this.plans.approve(id, body, user);
  }

  @Get('approvals/:approvalId')
  @Allow('return:view', RETURN)
  @ApiOperation({ summary: 'The plan as the board approved it' })
  approval(@Param() { id, approvalId }: ApprovalParams): Promise<ApprovedPlan> {
    return this.plans.approval(id, approvalId);
  }
}
