import { HttpException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type ApiException, invalidField } from './api-exception.js';
import { textProblem } from './validation.js';

export interface UploadedFile {
  /** As the client sent it: clean it (safeFileName) before keeping or showing it. */
  fileName: string;
  content: Buffer;
}

export interface Upload {
  /** The text fields asked for, by name (the first value of each). */
  fields: Record<string, string>;
  file: UploadedFile;
}

export interface UploadOptions {
  maxFileBytes: number;
  /** The text fields to keep; any others are ignored. */
  fields: readonly string[];
  /** The refusal for a file over `maxFileBytes`. */
  tooLarge: (fileName: string) => ApiException;
  /** The message on `file` (400) when the form has no file, or only an empty file input. */
  missingFile: string;
}

const MALFORMED = 'The upload was not a complete multipart form. Choose the file and send it again';

/**
 * Reads a multipart form with one file, to its end: the text fields asked for and the file's bytes
 * (at most `maxFileBytes`). Every upload of the API is read here, by its controller, so services
 * take bytes, not requests. Whatever is wrong with the form (no boundary, a boundary too long,
 * truncated, more than one file) is a 400 on `file`, never a 500; a text field PostgreSQL could not
 * store is a 400 on that field; no file (or a request that is not multipart) is a 400 on `file`
 * saying `missingFile`. Anything left unread when a refusal is sent is drained by app.factory's
 * onSend hook.
 */
export async function readUpload(request: FastifyRequest, options: UploadOptions): Promise<Upload> {
  const upload: { fields: Record<string, string>; file: UploadedFile | null } = { fields: {}, file: null };
  if (!request.isMultipart()) throw invalidField('file', options.missingFile);
  try {
    const parts = request.parts({
      limits: { fileSize: options.maxFileBytes, files: 1, fields: 10, fieldSize: 64 * 1024, headerPairs: 20 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        // A form's empty file input sends a part with no name and no bytes.
        if (part.filename === '' && content.length === 0) continue;
        upload.file ??= { fileName: part.filename, content };
      } else if (
        options.fields.includes(part.fieldname) &&
        typeof part.value === 'string' &&
        upload.fields[part.fieldname] === undefined
      ) {
        upload.fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    throw uploadError(error, options);
  }
  for (const [name, value] of Object.entries(upload.fields)) {
    const problem = textProblem(value);
    if (problem) throw invalidField(name, `${name} ${problem}`);
  }
  if (!upload.file) throw invalidField('file', options.missingFile);
  return { fields: upload.fields, file: upload.file };
}

/** @fastify/multipart's and busboy's errors as the client's fault, said plainly. */
function uploadError(error: unknown, options: UploadOptions): unknown {
  if (error instanceof HttpException) return error;
  const code = (error as { code?: unknown })?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE': {
      const part = (error as { part?: { filename?: unknown } }).part;
      return options.tooLarge(
        typeof part?.filename === 'string' && part.filename ? part.filename : 'The file',
      );
    }
    case 'FST_FILES_LIMIT':
      return invalidField('file', 'Send one file at a time');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return invalidField('file', 'The form has more fields than this upload takes');
    default:
      // Busboy's own errors (no or an overlong boundary, a malformed part, the body ending early)
      // and @fastify/multipart's (premature close, prototype names, bad JSON fields).
      return invalidField('file', MALFORMED);
  }
}
