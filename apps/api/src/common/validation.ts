import { type ArgumentMetadata, HttpStatus, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from '@wgll/contracts';
import { ApiException } from './api-exception.filter.js';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own: FieldError[] = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

function validationFailed(fields: FieldError[]): ApiException {
  return new ApiException(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    `Check ${fields.map((f) => f.field).join(', ')}: ${fields.flatMap((f) => f.messages).join('; ')}`,
    fields,
  );
}

/** The first text (as `a.0.b`) holding a NUL character, which PostgreSQL cannot store; null if none. */
function fieldWithNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = fieldWithNul(child, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

const NUL_MESSAGE = 'must not contain a null character';

/** Class-validator's pipe, refusing first any text PostgreSQL could not store (rather than a 500). */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = fieldWithNul(value, metadata.data ?? '');
    if (field !== null) throw validationFailed([{ field: field || metadata.type, messages: [NUL_MESSAGE] }]);
    return super.transform(value, metadata);
  }
}

/** Every body, param and query is a DTO; bad input → 400 VALIDATION_FAILED with field messages. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
