import { ApiRequestError } from '../../lib/api-client';
import { apiFieldErrors, type FormError } from '../../lib/form-errors';

/** Whether the API refused for a reason the form explains (400 field errors or a 409 conflict). */
export function isFormRefusal(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError && (error.status === 400 || error.status === 409);
}

/**
 * A refusal's messages for the error summary: field errors linked to this form's inputs where it
 * has them, else the API's own message (409 answers explain themselves, for example "The cycle is
 * not open").
 */
export function refusalErrors(error: unknown, fieldIds: Record<string, string> = {}): FormError[] {
  if (!isFormRefusal(error)) return [];
  if (error.status === 400) return apiFieldErrors(error, fieldIds);
  const fieldMessages = error.fieldErrors.flatMap((fieldError) =>
    fieldError.messages.map((message) => ({ id: fieldIds[fieldError.field], message })),
  );
  return fieldMessages.length > 0 ? fieldMessages : [{ id: undefined, message: error.message }];
}
