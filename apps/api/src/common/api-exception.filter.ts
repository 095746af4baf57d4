import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiError, ErrorCode } from '@wgll/contracts';
import { ApiException } from './api-exception.js';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION_FAILED',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'UNSUPPORTED_MEDIA_TYPE',
  [HttpStatus.TOO_MANY_REQUESTS]: 'TOO_MANY_ATTEMPTS',
};

/** Fastify's and @fastify/multipart's errors about the request, said plainly (by their `code`). */
const FASTIFY_ERRORS: Record<string, { status: number; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    message: 'The request body is larger than this API accepts (1 MB for JSON; files are uploaded as forms).',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    message:
      'Send the request body as JSON (Content-Type: application/json), or a file as multipart/form-data.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: HttpStatus.BAD_REQUEST,
    message:
      'The request body is not valid JSON (or names __proto__ or constructor.prototype, which are refused).',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The request body is empty but its Content-Type says JSON.',
  },
  FST_REQ_FILE_TOO_LARGE: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    message: 'The file is larger than allowed.',
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: HttpStatus.BAD_REQUEST,
    message: 'Send the file as a multipart/form-data form.',
  },
  FST_PARTS_LIMIT: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The form has more parts than this upload takes.',
  },
  FST_FILES_LIMIT: { status: HttpStatus.BAD_REQUEST, message: 'Send one file at a time.' },
  FST_FIELDS_LIMIT: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The form has more fields than this upload takes.',
  },
  FST_PROTO_VIOLATION: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The form has a field name that is not allowed.',
  },
  FST_INVALID_JSON_FIELD_ERROR: {
    status: HttpStatus.BAD_REQUEST,
    message: 'A form field declared as JSON is not valid JSON.',
  },
  FST_MP_PREMATURE_CLOSE: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The upload ended before the form was complete. Send it again.',
  },
};

/** The `code` of a FastifyError, or of the one that caused an HttpException. */
function fastifyCodeOf(exception: unknown): string | undefined {
  const own = (exception as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const cause = exception instanceof Error ? (exception.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** Busboy's errors for a malformed multipart body: plain Errors, known only by their message. */
const MALFORMED_MULTIPART =
  /^(Multipart: Boundary not found|Unexpected end of (multipart data|form)|Malformed part header|Part terminated early|The needle cannot have a length bigger than \d+)/;

/**
 * PostgreSQL's codes for values it cannot store: too long for its column (22001), out of range (22003), invalid text for a type
 * (22P02, e.g. an unpaired surrogate in jsonb), NUL in text (22021), untranslatable character
 * (22P05, e.g. \u0000 in jsonb).
 */
const UNSTORABLE_INPUT = new Set(['22001', '22003', '22P02', '22021', '22P05']);

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
    // Fastify's own errors (malformed JSON, body too large, multipart limits): Nest hands them over as
    // an HttpException caused by the FastifyError; thrown from a handler they arrive as they are.
    const known = FASTIFY_ERRORS[fastifyCodeOf(exception) ?? ''];
    if (known) {
      return {
        statusCode: known.status,
        code: CODE_BY_STATUS[known.status] ?? 'VALIDATION_FAILED',
        message: known.message,
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
    // Other errors from Fastify and its plugins carry a 4xx statusCode.
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        statusCode: status,
        code: CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED',
        message: (exception as Error).message,
      };
    }
    if (exception instanceof Error && MALFORMED_MULTIPART.test(exception.message)) {
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: 'VALIDATION_FAILED',
        message: 'The upload was not a complete multipart form. Choose the file and send it again.',
        errors: [{ field: 'file', messages: ['The upload was not a complete multipart form'] }],
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
      // Logged: a DTO should have refused it first, so this may also reveal a bug of ours.
      this.logger.warn(`Input the database refused (${driverCode}): ${(exception as Error).message}`);
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: 'VALIDATION_FAILED',
        message:
          'Some of what was sent cannot be stored: a text too long or with a null or broken character, or a number too large.',
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
