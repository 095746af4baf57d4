import { ApiRequestError } from './api-client';
import { userFieldMessage } from './field-messages';

/** A message for a form: `id` is the input it is about (linked from the error summary), if any. */
export interface FormError {
  id: string | undefined;
  message: string;
}

/**
 * The API's field messages (400 VALIDATION_FAILED) as form errors. `fieldIds` maps the API's field
 * names, for example `roles.0.scopeCode`, to the ids of this form's inputs.
 */
export function apiFieldErrors(error: unknown, fieldIds: Record<string, string>): FormError[] {
  if (!(error instanceof ApiRequestError) || !error.isValidationError) return [];
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

/** Whether a failed request is one the form explains itself (rather than a service problem). */
export function isFormProblem(error: unknown, codes: readonly string[] = []): boolean {
  return error instanceof ApiRequestError && (error.isValidationError || codes.includes(error.code));
}
