import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CareSetting, MeasureId } from '@wgll/contracts';
import { CARE_SETTINGS, MEASURE_IDS } from '@wgll/framework';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';

const SETTING_MESSAGE = `careSetting must be one of ${CARE_SETTINGS.join(', ')}`;

/** `?cycle=&careSetting=`: as the results routes (no `at`: checked on the cycle's reference date). */
class LevellingUpQueryDto {
  @ApiPropertyOptional({ description: 'The cycle (default: the newest cycle with results)' })
  @IsOptional()
  @IsUUID('all', { message: 'cycle must be a cycle id' })
  cycle?: string;

  @ApiPropertyOptional({ enum: CARE_SETTINGS, description: 'Default: the first with results' })
  @IsOptional()
  @IsIn(CARE_SETTINGS, { message: SETTING_MESSAGE })
  careSetting?: CareSetting;
}

export class IcsDomainLevelsQueryDto extends LevellingUpQueryDto {
  @ApiPropertyOptional({ enum: MEASURE_IDS, description: 'Only the domains of this measure (default: all)' })
  @IsOptional()
  @IsIn(MEASURE_IDS, { message: `measure must be one of ${MEASURE_IDS.join(', ')}` })
  measure?: MeasureId;
}

export class RegionWatchListsQueryDto extends LevellingUpQueryDto {
  @ApiPropertyOptional({ description: 'Organisations scoring below this are listed (1 to 5)', default: 2.5 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'threshold must be a number with at most 2 decimal places' })
  @Min(1, { message: 'threshold must be a number from 1 to 5' })
  @Max(5, { message: 'threshold must be a number from 1 to 5' })
  threshold?: number;
}
