import { type ArgumentMetadata, HttpStatus, ValidationPipe } from '@nestjs/common';
import { ValidateIf, type ValidationError } from 'class-validator';
import type { FieldError } from '@wgll/contracts';
import { ApiException } from './api-exception.js';

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

const NUL_MESSAGE = 'must not contain a null character';
const SURROGATE_MESSAGE =
  'must not contain a broken character (half of a UTF-16 surrogate pair, such as \\ud800)';
/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why PostgreSQL (or a validator) could not take this text, or null if it can: a NUL character
 * (text columns refuse it) or an unpaired surrogate (jsonb refuses it, encodeURI throws on it).
 */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return SURROGATE_MESSAGE;
  return null;
}

/** Text safe to show in a field name: unpaired surrogates and NULs replaced. */
function printable(key: string): string {
  return key.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD').replaceAll('\u0000', '\uFFFD');
}

/**
 * The first text or key (as `a.0.b`) PostgreSQL could not store, with why; null if none. Iterative:
 * depth is bounded by the JSON body parser, but nothing here may overflow the stack whatever it gets.
 */
export function findUnstorableText(value: unknown, root: string): FieldError | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { field: path, messages: [problem] };
      continue;
    }
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const children: { value: unknown; path: string }[] = [];
    for (const [key, child] of Object.entries(current)) {
      const keyProblem = textProblem(key);
      if (keyProblem) {
        const field = path ? `${path}.${printable(key)}` : printable(key);
        return { field, messages: [`The name of this field ${keyProblem}`] };
      }
      // A key with no problem is printable as it is.
      children.push({ value: child, path: path ? `${path}.${key}` : key });
    }
    // Reversed so the first problem in document order is the one reported.
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return null;
}

/**
 * Optional, but not nullable: absent (undefined) skips the field's rules; null is checked by them
 * (and refused). `@IsOptional()` would let null through to the service and the database.
 */
export const OptionalNotNull = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

type Dto = new () => object;

/** class-transformer `@Transform` for text fields: trimmed before validation (so "  " is empty). */
export const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** Whether a value certainly passes a DTO's rules: see `quickCheck`. */
type QuickCheck = (value: Readonly<Record<string, unknown>>) => boolean;

const quickChecks = new Map<Dto, QuickCheck>();

/**
 * Registers a quick check for the DTO of a hot route (the answer autosave): a value it accepts
 * certainly passes the DTO's class-validator rules, so the pipe builds the DTO from it at once,
 * without class-transformer and class-validator (about a tenth of a save's CPU time). A value it does
 * not accept is validated as usual, so every refusal and its messages stay class-validator's. It must
 * never accept what those rules refuse: keep it strict (its spec checks it against them).
 */
export function quickCheck(dto: Dto, check: QuickCheck): void {
  quickChecks.set(dto, check);
}

/** The DTO built from `value` when `dto` has a quick check that accepts it; undefined otherwise. */
export function quicklyChecked(dto: unknown, value: unknown): object | undefined {
  const check = quickChecks.get(dto as Dto);
  if (!check || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return check(value as Record<string, unknown>) ? Object.assign(new (dto as Dto)(), value) : undefined;
}

/** True when `value` has no own keys but `allowed` (the whitelist of a quick check). */
export function onlyKeys(value: object, allowed: ReadonlySet<string>): boolean {
  for (const key of Object.keys(value)) if (!allowed.has(key)) return false;
  return true;
}

/** Class-validator's pipe, refusing first any text PostgreSQL could not store (rather than a 500). */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const found = findUnstorableText(value, metadata.data ?? '');
    if (found !== null) throw validationFailed([{ ...found, field: found.field || metadata.type }]);
    if (metadata.data === undefined) {
      const checked = quicklyChecked(metadata.metatype, value);
      if (checked) return checked;
    }
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
