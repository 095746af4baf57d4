import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsOptional,
  Validate,
  type ValidatorConstraintInterface,
  ValidatorConstraint,
} from 'class-validator';
import { isIsoDate } from './iso-date.js';

@ValidatorConstraint({ name: 'isoDate' })
export class IsoDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isIsoDate(value);
  }
  defaultMessage(): string {
    return '$property must be a real date written YYYY-MM-DD, for example 2025-06-30';
  }
}

/** `?at=YYYY-MM-DD`: the date at which the dated hierarchy is read. Defaults to today. */
export class AtDateQuery {
  @ApiPropertyOptional({
    description: 'Read the hierarchy on this date (YYYY-MM-DD). Default: today.',
    example: '2025-06-30',
  })
  @IsOptional()
  @Validate(IsoDateConstraint)
  at?: string;
}
