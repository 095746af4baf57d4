import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateCycleRequest, FrameworkRef, UpdateCycleRequest } from '@wgll/contracts';
import { ID_PATTERN, VERSION_PATTERN } from '@wgll/framework';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  Validate,
  ValidateNested,
} from 'class-validator';
import { IsoDateConstraint } from '../../../common/at-date.js';
import { OptionalNotNull, trim } from '../../../common/validation.js';

export class FrameworkRefDto implements FrameworkRef {
  @ApiProperty({ example: 'wgll-self-assessment' })
  @Matches(ID_PATTERN, { message: 'frameworkId must be a framework id, for example wgll-self-assessment' })
  @MaxLength(100)
  frameworkId: string;

  @ApiProperty({ example: '2026.1' })
  @Matches(VERSION_PATTERN, { message: 'version must be a framework version, for example 2026.1' })
  version: string;
}

export class CreateCycleDto implements CreateCycleRequest {
  @ApiProperty({ example: '2026/27' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Enter a name for the cycle, for example 2026/27' })
  @MaxLength(40)
  name: string;

  @ApiProperty({ type: FrameworkRefDto })
  @IsDefined({ message: 'Choose the framework version for organisation returns' })
  @IsObject({ message: 'organisationFramework must be an object: { "frameworkId": …, "version": … }' })
  @ValidateNested()
  @Type(() => FrameworkRefDto)
  organisationFramework: FrameworkRefDto;

  @ApiProperty({ type: FrameworkRefDto })
  @IsDefined({ message: 'Choose the framework version for system (ICB) returns' })
  @IsObject({ message: 'systemFramework must be an object: { "frameworkId": …, "version": … }' })
  @ValidateNested()
  @Type(() => FrameworkRefDto)
  systemFramework: FrameworkRefDto;

  @ApiProperty({ example: '2026-10-01' })
  @Validate(IsoDateConstraint)
  opensOn: string;

  @ApiProperty({ example: '2027-03-31' })
  @Validate(IsoDateConstraint)
  closesOn: string;

  @ApiProperty({ example: '2026-04-01', description: 'The organisation hierarchy is read on this date' })
  @Validate(IsoDateConstraint)
  referenceDate: string;
}

export class UpdateCycleDto implements UpdateCycleRequest {
  @ApiPropertyOptional({ example: '2026-10-01' })
  @OptionalNotNull()
  @Validate(IsoDateConstraint)
  opensOn?: string;

  @ApiPropertyOptional({ example: '2027-03-31' })
  @OptionalNotNull()
  @Validate(IsoDateConstraint)
  closesOn?: string;
}

export class CycleIdParam {
  @IsUUID('all', { message: 'id must be a cycle id' })
  id: string;
}

export class CycleListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Include retired cycles (default false)' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'includeRetired must be true or false' })
  includeRetired?: 'true' | 'false';
}
