import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiError, ErrorCode, FieldError } from '@wgll/contracts';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';

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

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION_FAILED',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.TOO_MANY_REQUESTS]: 'TOO_MANY_ATTEMPTS',
};

/** PostgreSQL's codes for values it cannot store: out of range, NUL in text, NUL in JSON. */
const UNSTORABLE_INPUT = new Set(['22003', '22021', '22P05']);

/** Every error leaves the API as an ApiError body; anything unexpected is logged and hidden. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(body.retryAfterSeconds));
    void reply.status(body.statusCode).header('content-type', 'application/json').send(body);
  }

  private toBody(exception: unknown): ApiError {
    if (exception instanceof ApiException) {
      return {
        statusCode: exception.getStatus(),
        code: exception.code,
        message: exception.message,
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...(exception.retryAfterSeconds !== undefined
          ? { retryAfterSeconds: exception.retryAfterSeconds }
          : {}),
        ...exception.extra,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String(response.message)
          : exception.message;
      return { statusCode: status, code: CODE_BY_STATUS[status] ?? 'INTERNAL_ERROR', message };
    }
    // Fastify's own errors (malformed JSON, body too large) carry a 4xx statusCode.
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        statusCode: status,
        code: CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED',
        message: (exception as Error).message,
      };
    }
    // The database's own guard on sealed returns (migration AddAssessmentReturns): a conflict, not a fault.
    if (exception instanceof QueryFailedError && /^RETURN_SEALED\b/.test(exception.message)) {
      return {
        statusCode: HttpStatus.CONFLICT,
        code: 'RETURN_SEALED',
        message: 'This return has been submitted and sealed, so it cannot change.',
      };
    }
    // Input PostgreSQL cannot store that no DTO reached (a multipart field with a NUL character, a
    // number beyond its column): the request's fault, said plainly, never a 500.
    const driverCode =
      exception instanceof QueryFailedError ? (exception.driverError as { code?: string }).code : undefined;
    if (driverCode && UNSTORABLE_INPUT.has(driverCode)) {
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: 'VALIDATION_FAILED',
        message:
          'Some of what was sent cannot be stored: a text with a null character, or a number too large.',
      };
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side. Please try again.',
    };
  }
}
