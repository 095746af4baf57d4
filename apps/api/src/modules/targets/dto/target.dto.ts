import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CareSetting, LevelNumber, MeasureId, SaveTargetRequest, TargetKind } from '@wgll/contracts';
import { CARE_SETTINGS, ID_PATTERN, MEASURE_IDS } from '@wgll/framework';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
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
} from 'class-validator';
import { IsoDateConstraint } from '../../../common/at-date.js';
import { trim } from '../../../common/validation.js';

const MAX_VERSION = 2_147_483_647;
export const TARGET_KINDS: TargetKind[] = ['domain', 'element', 'measure'];
const MEASURES = [...MEASURE_IDS, 'overall'] as const;

/** A target as created or changed; fields another kind uses must be null (or left out). */
export class SaveTargetDto implements SaveTargetRequest {
  @ApiProperty({ example: 'Electronic patient records in 95% of trusts' })
  @Transform(trim)
  @IsString({ message: 'Enter a name for the target' })
  @MinLength(1, { message: 'Enter a name for the target' })
  @MaxLength(120, { message: 'The name must be 120 characters or fewer' })
  name: string;

  @ApiProperty({ example: 'Every trust has an electronic patient record in every service.' })
  @Transform(trim)
  @IsString({ message: 'The description must be text' })
  @MaxLength(2000, { message: 'The description must be 2,000 characters or fewer' })
  description: string;

  @ApiProperty({ enum: TARGET_KINDS })
  @IsIn(TARGET_KINDS, { message: 'Choose what counts: a domain level, an element, or a score' })
  kind: TargetKind;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'wgll-self-assessment' })
  @ValidateIf((o: SaveTargetDto) => o.kind === 'domain' || o.kind === 'element')
  @IsString({ message: 'Choose the framework' })
  @Matches(ID_PATTERN, { message: 'Choose the framework' })
  @MaxLength(100)
  frameworkId: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'sf-epr' })
  @ValidateIf((o: SaveTargetDto) => o.kind === 'domain' || o.kind === 'element')
  @IsString({ message: 'Choose the domain' })
  @Matches(ID_PATTERN, { message: 'Choose the domain' })
  @MaxLength(100)
  domainId: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 2, maximum: 5 })
  @ValidateIf((o: SaveTargetDto) => o.kind === 'domain')
  @IsInt({ message: 'Choose the level to reach, from 2 to 5' })
  @Min(2, { message: 'Choose the level to reach, from 2 to 5' })
  @Max(5, { message: 'Choose the level to reach, from 2 to 5' })
  level: LevelNumber | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((o: SaveTargetDto) => o.kind === 'element')
  @IsString({ message: 'Choose the element' })
  @Matches(ID_PATTERN, { message: 'Choose the element' })
  @MaxLength(100)
  elementId: string | null;

  @ApiPropertyOptional({ enum: MEASURES, nullable: true })
  @ValidateIf((o: SaveTargetDto) => o.kind === 'measure')
  @IsIn(MEASURES, { message: 'Choose the measure, or the overall score' })
  measure: MeasureId | 'overall' | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 3 })
  @ValidateIf((o: SaveTargetDto) => o.kind === 'measure')
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Enter the score to reach, from 1 to 5' })
  @Min(1, { message: 'Enter the score to reach, from 1 to 5' })
  @Max(5, { message: 'Enter the score to reach, from 1 to 5' })
  value: number | null;

  @ApiProperty({ enum: CARE_SETTINGS, isArray: true })
  @IsArray({ message: 'Choose at least one care setting' })
  @ArrayMinSize(1, { message: 'Choose at least one care setting' })
  @ArrayMaxSize(CARE_SETTINGS.length)
  @IsIn(CARE_SETTINGS, { each: true, message: 'Choose care settings from the list' })
  careSettings: CareSetting[];

  @ApiProperty({ example: 95, minimum: 1, maximum: 100 })
  @IsInt({ message: 'Enter the share of organisations to reach, a whole number from 1 to 100' })
  @Min(1, { message: 'Enter the share of organisations to reach, a whole number from 1 to 100' })
  @Max(100, { message: 'Enter the share of organisations to reach, a whole number from 1 to 100' })
  percent: number;

  @ApiProperty({ example: '2027-03-31' })
  @Validate(IsoDateConstraint)
  dueDate: string;

  @ApiPropertyOptional({ description: 'When changing a target: the version read' })
  @IsOptional()
  @IsInt({ message: 'baseVersion must be the version you read' })
  @Min(0)
  @Max(MAX_VERSION)
  baseVersion?: number;
}

export class TargetParams {
  @IsUUID('all', { message: 'id must be a target id' })
  id: string;
}

export class TargetListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Include retired targets (default false)' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'includeRetired must be true or false' })
  includeRetired?: 'true' | 'false';
}
