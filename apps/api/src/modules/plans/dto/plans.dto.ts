import { ApiProperty } from '@nestjs/swagger';
import type {
  ActionFunding,
  ActionState,
  CreateActionRequest,
  DomainTarget,
  LevelNumber,
  MeasureId,
  MeasureTarget,
  MergeActionsRequest,
  SavePlanRequest,
  UpdateActionRequest,
} from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsoDateConstraint } from '../../../common/at-date.js';
import { OptionalNotNull, trim } from '../../../common/validation.js';

/** A blank optional text (after trimming) is no text. */
const trimToNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || null : value;
const DOMAIN_ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const MAX_VERSION = 2_147_483_647;

export const ACTION_STATES: ActionState[] = ['not-started', 'in-progress', 'done', 'blocked'];
export const ACTION_FUNDING: ActionFunding[] = ['capital', 'revenue', 'national-programme', 'none-needed'];

export class PlanParams {
  @IsUUID('all', { message: 'id must be a return id' })
  id: string;
}

export class ActionParams extends PlanParams {
  @IsUUID('all', { message: 'actionId must be an action id' })
  actionId: string;
}

export class ApprovalParams extends PlanParams {
  @IsUUID('all', { message: 'approvalId must be an approval id' })
  approvalId: string;
}

export class BaseVersionQuery {
  @ApiProperty({ description: 'The version of the action the removal is based on' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'baseVersion must be a whole number' })
  @Min(1)
  @Max(MAX_VERSION)
  baseVersion: number;
}

export class DomainTargetDto implements DomainTarget {
  @ApiProperty()
  @IsString({ message: 'domainId must be a domain id of the framework' })
  @Matches(DOMAIN_ID, { message: 'domainId must be a domain id of the framework' })
  @MaxLength(100)
  domainId: string;

  @ApiProperty({ minimum: 2, maximum: 5 })
  @IsInt({ message: 'level must be a whole number from 2 to 5' })
  @Min(2, { message: 'level must be a whole number from 2 to 5' })
  @Max(5, { message: 'level must be a whole number from 2 to 5' })
  level: LevelNumber;
}

export class MeasureTargetDto implements MeasureTarget {
  @ApiProperty({ enum: MEASURE_IDS })
  @IsIn(MEASURE_IDS, { message: 'measure must be one of the seven measures' })
  measure: MeasureId;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'score must be a number from 1 to 5 with at most 2 decimal places' },
  )
  @Min(1, { message: 'score must be a number from 1 to 5 with at most 2 decimal places' })
  @Max(5, { message: 'score must be a number from 1 to 5 with at most 2 decimal places' })
  score: number;
}

export class SavePlanDto implements SavePlanRequest {
  @ApiProperty({ description: 'The plan version the edit is based on; 0 for a plan never saved' })
  @IsInt({ message: 'baseVersion must be a whole number' })
  @Min(0)
  @Max(MAX_VERSION)
  baseVersion: number;

  @ApiProperty({ example: '2027-09-30', nullable: true })
  @ValidateIf((_o: object, value: unknown) => value !== null)
  @Validate(IsoDateConstraint, { message: 'targetDate must be a real date written YYYY-MM-DD, or null' })
  targetDate: string | null;

  @ApiProperty({ type: [DomainTargetDto] })
  @IsArray({ message: 'targets must be a list' })
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'each target must be an object such as { "domainId": "…", "level": 3 }' })
  @ValidateNested({ each: true })
  @Type(() => DomainTargetDto)
  targets: DomainTargetDto[];

  @ApiProperty({ type: [MeasureTargetDto] })
  @IsArray({ message: 'measureTargets must be a list' })
  @ArrayMaxSize(7)
  @IsObject({
    each: true,
    message: 'each measure target must be an object such as { "measure": "…", "score": 3.5 }',
  })
  @ValidateNested({ each: true })
  @Type(() => MeasureTargetDto)
  measureTargets: MeasureTargetDto[];
}

/** The fields of an action; every one optional here, required on creation by CreateActionDto. */
export class ActionFieldsDto {
  @ApiProperty()
  @OptionalNotNull()
  @IsString({ message: 'domainId must be a domain id of the framework' })
  @Matches(DOMAIN_ID, { message: 'domainId must be a domain id of the framework' })
  @MaxLength(100)
  domainId?: string;

  @ApiProperty({ type: [String] })
  @OptionalNotNull()
  @IsArray({ message: 'elementIds must be a list' })
  @ArrayMaxSize(100)
  @IsString({ each: true, message: 'each element id must be text' })
  @MaxLength(100, { each: true })
  elementIds?: string[];

  @ApiProperty()
  @OptionalNotNull()
  @Transform(trim)
  @IsString({ message: 'title must be text' })
  @MinLength(1, { message: 'Enter a title for the action' })
  @MaxLength(500, { message: 'The title must be 500 characters or fewer' })
  title?: string;

  @ApiProperty()
  @OptionalNotNull()
  @IsString({ message: 'description must be text' })
  @MaxLength(10000, { message: 'The description must be 10,000 characters or fewer' })
  description?: string;

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be the id of a person in the trust' })
  ownerId?: string | null;

  @ApiProperty({ example: '2027-03-31', nullable: true })
  @ValidateIf((_o: object, value: unknown) => value !== null && value !== undefined)
  @Validate(IsoDateConstraint, { message: 'dueDate must be a real date written YYYY-MM-DD, or null' })
  dueDate?: string | null;

  @ApiProperty({ enum: ACTION_STATES })
  @OptionalNotNull()
  @IsIn(ACTION_STATES, { message: 'state must be not-started, in-progress, done or blocked' })
  state?: ActionState;

  @ApiProperty({ nullable: true, description: 'Required when blocked' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'blockedReason must be text' })
  @MaxLength(2000, { message: 'The reason must be 2,000 characters or fewer' })
  blockedReason?: string | null;

  @ApiProperty({ enum: ACTION_FUNDING, nullable: true })
  @IsOptional()
  @IsIn(ACTION_FUNDING, {
    message: 'funding must be capital, revenue, national-programme or none-needed',
  })
  funding?: ActionFunding | null;

  @ApiProperty()
  @OptionalNotNull()
  @IsString({ message: 'expectedBenefit must be text' })
  @MaxLength(5000, { message: 'The expected benefit must be 5,000 characters or fewer' })
  expectedBenefit?: string;

  @ApiProperty({ type: [String] })
  @OptionalNotNull()
  @IsArray({ message: 'evidenceIds must be a list' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each evidence id must be an evidence id of this return' })
  evidenceIds?: string[];
}

/** domainId and title are required (checked with the rest, so every missing field is named); the rest default. */
export class CreateActionDto extends ActionFieldsDto implements Partial<CreateActionRequest> {}

export class UpdateActionDto extends ActionFieldsDto implements UpdateActionRequest {
  @ApiProperty({ description: 'The version of the action the edit is based on' })
  @IsInt({ message: 'baseVersion must be a whole number' })
  @Min(1)
  @Max(MAX_VERSION)
  baseVersion: number;
}

export class ActionVersionDto {
  @ApiProperty()
  @IsUUID('all', { message: 'id must be an action id' })
  id: string;

  @ApiProperty()
  @IsInt({ message: 'baseVersion must be a whole number' })
  @Min(1)
  @Max(MAX_VERSION)
  baseVersion: number;
}

export class MergeActionsDto implements MergeActionsRequest {
  @ApiProperty({
    type: [ActionVersionDto],
    description: 'The first keeps its fields and gains the others’ elements',
  })
  @IsArray({ message: 'actions must be a list' })
  @ArrayMinSize(2, { message: 'Choose at least two actions to merge' })
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each action must be an object such as { "id": "…", "baseVersion": 1 }' })
  @ValidateNested({ each: true })
  @Type(() => ActionVersionDto)
  actions: ActionVersionDto[];
}

/** The board's approval of the plan on its own: the same meeting date and minute reference as a return's. */
export { ApproveDto as ApprovePlanDto } from '../../assessments/dto/returns.dto.js';
