import { ApiRequestError } from './api-client';
import { userFieldMessage } from './field-messages';

/**
 * A message for a form: `id` is the input it is about (linked from the error summary), if any;
 * `to` is another page that puts it right (linked instead), if any.
 */
export interface FormError {
  id: string | undefined;
  message: string;
  to?: string;
}

export interface ApiProblemOptions {
  /**
   * Also 409 refusals, for forms whose conflicts explain themselves (for example "The cycle is not
   * open"): their field messages where they list any, else the API's own message.
   */
  conflicts?: boolean;
}

function isExplainedRefusal(error: unknown, options: ApiProblemOptions): error is ApiRequestError {
  return (
    error instanceof ApiRequestError &&
    (error.isValidationError || (options.conflicts === true && error.status === 409))
  );
}

/**
 * The API's field messages (400 VALIDATION_FAILED, and 409 refusals with `conflicts`) as form
 * errors. `fieldIds` maps the API's field names, for example `roles.0.scopeCode`, to the ids of
 * this form's inputs.
 */
export function apiFieldErrors(
  error: unknown,
  fieldIds: Record<string, string>,
  options: ApiProblemOptions = {},
): FormError[] {
  if (!isExplainedRefusal(error, options)) return [];
  const errors = error.fieldErrors.flatMap((fieldError) =>
    fieldError.messages.map((message) => ({
      id: fieldIds[fieldError.field],
      message: userFieldMessage(fieldError.field, message),
    })),
  );
  if (errors.length === 0) return [{ id: undefined, message: error.message }];
  return errors.filter(
    (item, index) =>
      errors.findIndex((other) => other.id === item.id && other.message === item.message) === index,
  );
}

/** The message to show beside an input: every message for it, joined. */
export function errorFor(errors: FormError[], id: string): string | undefined {
  const messages = errors.filter((error) => error.id === id).map((error) => error.message);
  return messages.length > 0 ? messages.join('. ') : undefined;
}

/** A deliberately loose check: something, an @, something, a dot, something. The API checks properly. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/**
 * Whether a failed request is one the form explains itself (rather than a service problem): a 400,
 * one of `codes`, or (with `conflicts`) any 409.
 */
export function isFormProblem(
  error: unknown,
  codes: readonly string[] = [],
  options: ApiProblemOptions = {},
): boolean {
  return (
    isExplainedRefusal(error, options) || (error instanceof ApiRequestError && codes.includes(error.code))
  );
}
