import { HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorCode, FieldError } from '@wgll/contracts';

/** An HTTP error that carries a stable code from libs/contracts. */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    /** For 429: sent as the Retry-After header and `retryAfterSeconds`. */
    readonly retryAfterSeconds?: number,
    /** More of the body, for errors whose contract adds fields (e.g. 409 ANSWER_CONFLICT's `current`). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message, status);
  }
}

export class NotFoundApiException extends ApiException {
  constructor(code: ErrorCode, message: string) {
    super(HttpStatus.NOT_FOUND, code, message);
  }
}

/** 400 VALIDATION_FAILED naming the fields at fault; the message defaults to theirs, joined. */
export function invalidFields(
  errors: FieldError[],
  message = `${errors.flatMap((e) => e.messages).join('; ')}.`,
): ApiException {
  return new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', message, errors);
}

/** 400 VALIDATION_FAILED for one field, shown in the summary and beside the field. */
export function invalidField(field: string, message: string): ApiException {
  return invalidFields([{ field, messages: [message] }]);
}
