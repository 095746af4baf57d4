import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The highest page number accepted: far past any list, and small enough for an exact offset. */
export const MAX_PAGE = 1_000_000;

/** `?page=&pageSize=` of every paginated list (the service picks the default page size). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be from 1 to 1,000,000' })
  @Max(MAX_PAGE, { message: 'page must be from 1 to 1,000,000' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(100)
  pageSize?: number;
}
