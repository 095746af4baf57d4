import { describe, expect, it } from '@jest/globals';
import { type ArgumentsHost, HttpException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter.js';

/** The body and status the filter sends for an exception. */
function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header() {
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

const fastifyError = (code: string, statusCode: number) =>
  Object.assign(new Error(code), { code, statusCode });

describe('ApiExceptionFilter', () => {
  it('gives Fastify’s 413 and 415 their own codes, as Nest hands them over or as they are', () => {
    const tooLarge = fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413);
    expect(answer(new HttpException('Request body is too large', 413, { cause: tooLarge }))).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(answer(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415))).toMatchObject({
      status: 415,
      body: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
    expect(answer(new HttpException('x', 413))).toMatchObject({ body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('maps @fastify/multipart’s errors and busboy’s malformed-form errors to 4xx', () => {
    expect(answer(fastifyError('FST_INVALID_MULTIPART_CONTENT_TYPE', 406))).toMatchObject({ status: 400 });
    expect(answer(fastifyError('FST_FILES_LIMIT', 413))).toMatchObject({ status: 400 });
    expect(answer(fastifyError('FST_REQ_FILE_TOO_LARGE', 413))).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
    for (const message of [
      'Multipart: Boundary not found',
      'Unexpected end of multipart data',
      'Malformed part header',
      'The needle cannot have a length bigger than 256.',
    ]) {
      expect(answer(new Error(message))).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED', errors: [{ field: 'file' }] },
      });
    }
  });

  it('turns PostgreSQL’s invalid-text errors into a 400, and hides anything else as a 500', () => {
    for (const code of ['22P02', '22P05', '22021', '22003']) {
      const error = new QueryFailedError('INSERT …', [], Object.assign(new Error('invalid input'), { code }));
      expect(answer(error)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    }
    Logger.overrideLogger(false); // the 500 is logged; not here
    const other = new QueryFailedError(
      'SELECT …',
      [],
      Object.assign(new Error('deadlock'), { code: '40P01' }),
    );
    expect(answer(other)).toMatchObject({ status: 500, body: { code: 'INTERNAL_ERROR' } });
  });
});
