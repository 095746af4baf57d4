import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** `?cycle=`: the cycle whose sealed returns' plans are rolled up. */
export class IcsPlansQueryDto {
  @ApiPropertyOptional({
    description: 'The cycle (default: the newest cycle with results, as the results routes)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'cycle must be a cycle id' })
  cycle?: string;
}

export class RegionPlansQueryDto extends IcsPlansQueryDto {
  @ApiPropertyOptional({
    description: 'Organisations whose projected overall score by their target date stays below this (1 to 5)',
    default: 2.5,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'threshold must be a number with at most 2 decimal places' })
  @Min(1, { message: 'threshold must be a number from 1 to 5' })
  @Max(5, { message: 'threshold must be a number from 1 to 5' })
  threshold?: number;
}
