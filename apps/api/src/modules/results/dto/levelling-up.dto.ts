import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import type { MeasureId } from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';
import { IsIn, IsOptional } from 'class-validator';
import { AreaResultsQueryDto, ResultsQueryDto } from './results.dto.js';

/** `?cycle=&careSetting=`: as the results routes (no `at`: checked on the cycle's reference date). */
class LevellingUpQueryDto extends PickType(ResultsQueryDto, ['cycle', 'careSetting'] as const) {}

export class IcsDomainLevelsQueryDto extends LevellingUpQueryDto {
  @ApiPropertyOptional({ enum: MEASURE_IDS, description: 'Only the domains of this measure (default: all)' })
  @IsOptional()
  @IsIn(MEASURE_IDS, { message: `measure must be one of ${MEASURE_IDS.join(', ')}` })
  measure?: MeasureId;
}

/** `?cycle=&careSetting=&threshold=`: organisations scoring below the threshold (1 to 5) are listed. */
export class RegionWatchListsQueryDto extends IntersectionType(
  LevellingUpQueryDto,
  PickType(AreaResultsQueryDto, ['threshold'] as const),
) {}
