import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AreaBasis, CareSetting, TrendBoundaries } from '@wgll/contracts';
import { CARE_SETTINGS } from '@wgll/framework';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { AtDateQuery } from '../../../common/at-date.js';

const SETTING_MESSAGE = `careSetting must be one of ${CARE_SETTINGS.join(', ')}`;

export class ResultsQueryDto extends AtDateQuery {
  @ApiPropertyOptional({ description: 'The cycle (default: the newest cycle with results)' })
  @IsOptional()
  @IsUUID('all', { message: 'cycle must be a cycle id' })
  cycle?: string;

  @ApiPropertyOptional({
    enum: CARE_SETTINGS,
    description: 'Default: the first the organisation has results for',
  })
  @IsOptional()
  @IsIn(CARE_SETTINGS, { message: SETTING_MESSAGE })
  careSetting?: CareSetting;
}

export class CompletionQueryDto extends AtDateQuery {
  @ApiPropertyOptional({ description: 'The cycle (default: the cycle open today, else the newest)' })
  @IsOptional()
  @IsUUID('all', { message: 'cycle must be a cycle id' })
  cycle?: string;
}

export class AreaResultsQueryDto extends ResultsQueryDto {
  @ApiPropertyOptional({ enum: ['providers', 'icb'], default: 'providers' })
  @IsOptional()
  @IsIn(['providers', 'icb'], { message: 'basis must be providers or icb' })
  basis?: AreaBasis;

  @ApiPropertyOptional({ description: 'Share of organisations scoring below this (1 to 5)', default: 2.5 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'threshold must be a number with at most 2 decimal places' })
  @Min(1, { message: 'threshold must be a number from 1 to 5' })
  @Max(5, { message: 'threshold must be a number from 1 to 5' })
  threshold?: number;
}

export class TrendsQueryDto extends AtDateQuery {
  @ApiPropertyOptional({
    enum: CARE_SETTINGS,
    description: 'Default: the first the organisation has results for (national: acute)',
  })
  @IsOptional()
  @IsIn(CARE_SETTINGS, { message: SETTING_MESSAGE })
  careSetting?: CareSetting;
}

export class IcsTrendsQueryDto extends TrendsQueryDto {
  @ApiPropertyOptional({
    enum: ['today', 'then'],
    default: 'today',
    description:
      "today: every cycle from the ICS's current member organisations; then: the ICS(s) as they were in each cycle",
  })
  @IsOptional()
  @IsIn(['today', 'then'], { message: 'boundaries must be today or then' })
  boundaries?: TrendBoundaries;
}
