import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalidField } from './api-exception.js';

/** The largest JSON body accepted: JSON bodies are small (a framework version is about 250 KB); files are multipart. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** The deepest nesting of arrays and objects accepted (a framework version needs 6 levels). */
export const JSON_MAX_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when the JSON text nests arrays and objects deeper than `maxDepth`. One pass over the bytes
 * (brackets inside strings do not count), before anything parses or walks the body, so a body of
 * `[` × 3000 never reaches a recursive validator.
 */
export function nestsDeeperThan(body: Buffer, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}

type Done = (error: Error | null, body?: unknown) => void;

/**
 * The JSON body parser: Fastify's own (prototype-poisoning checks included), after a check of the
 * nesting depth. Registered through Nest's `useBodyParser`, with the size limit passed there.
 */
export function jsonBodyParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    if (nestsDeeperThan(body, JSON_MAX_DEPTH)) {
      done(
        invalidField(
          'body',
          `The request body nests lists and objects more than ${JSON_MAX_DEPTH} levels deep, which this API does not accept`,
        ),
      );
      return;
    }
    void parse(request, body as unknown as string, done);
  };
}
