/**
 * Request cases generated from the API's own OpenAPI document: for every route, well-formed requests
 * with some part replaced by something hostile (wrong types, nesting, unpaired surrogates, NUL,
 * huge numbers and texts, impossible dates), whole bodies that are not what the route expects, and
 * malformed multipart for the upload routes.
 */
import fc from 'fast-check';

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As the document names it, e.g. /api/returns/{id}/answers/{domainId}. */
  path: string;
  pathParams: string[];
  query: { name: string; schema: Schema }[];
  /** `declared`: the document names the body's fields (a route without one ignores any body). */
  body: { kind: 'json'; schema: Schema; declared: boolean } | { kind: 'multipart'; fields: string[] } | null;
}

export function routesOf(doc: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const multipart = content['multipart/form-data']?.schema;
      routes.push({
        method: method as Route['method'],
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        query: (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } })),
        body: json
          ? { kind: 'json', schema: json, declared: true }
          : multipart
            ? { kind: 'multipart', fields: Object.keys(resolve(doc, multipart).properties ?? {}) }
            : method === 'get' || method === 'delete'
              ? null
              : { kind: 'json', schema: { type: 'object', properties: {} }, declared: false },
      });
    }
  }
  return routes;
}

function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').pop()!;
  return doc.components?.schemas?.[name] ?? {};
}

/** A value the schema accepts as far as the document says (its example, else a plain one of its type). */
export function sample(doc: OpenApiDocument, schema: Schema, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'string':
      return s.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'Some text';
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return false;
    case 'array':
      return depth > 4 || !s.items ? [] : [sample(doc, s.items, depth + 1)];
    default: {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(s.properties ?? {})) {
        out[key] = depth > 4 ? null : sample(doc, child, depth + 1);
      }
      return out;
    }
  }
}

/** Texts a careless or hostile client sends. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\ud800',
    'a\udfffb',
    '\udc00\ud800',
    'nul \u0000 inside',
    '%00',
    '%',
    '../../etc/passwd',
    '99999999999999999999',
    '-1',
    '0',
    '1e309',
    'NaN',
    'Infinity',
    'not-a-date',
    '2025-02-30',
    '0000-00-00',
    '+275760-09-13',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '{"a":1}',
    '00000000-0000-0000-0000-000000000000',
    'x'.repeat(70_000),
  ),
);

/** Any JSON value, hostile texts included, nested a little. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, false, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, -0, 0.5),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A text of `depth` nested arrays or objects, too deep for any honest client. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

export type BodyCase =
  { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string; text: string };

const rawJsonCases: fc.Arbitrary<BodyCase> = fc.constantFrom<BodyCase>(
  { kind: 'raw', contentType: 'application/json', text: deeplyNested(3000, 'array') },
  { kind: 'raw', contentType: 'application/json', text: deeplyNested(2000, 'object') },
  { kind: 'raw', contentType: 'application/json', text: '{"a":' },
  { kind: 'raw', contentType: 'application/json', text: 'not json' },
  { kind: 'raw', contentType: 'application/json', text: '' },
  { kind: 'raw', contentType: 'application/json', text: '"\\ud800"' },
  { kind: 'raw', contentType: 'application/json', text: '{"__proto__":{"polluted":true}}' },
  { kind: 'raw', contentType: 'application/json', text: '{"constructor":{"prototype":{"x":1}}}' },
  { kind: 'raw', contentType: 'application/json', text: `[${'1,'.repeat(200_000)}1]` },
  { kind: 'raw', contentType: 'application/json', text: `{"a":"${'x'.repeat(5 * 1024 * 1024)}"}` },
  { kind: 'raw', contentType: 'text/plain', text: 'hello' },
  { kind: 'raw', contentType: 'application/x-www-form-urlencoded', text: 'a=1&b=2' },
  { kind: 'raw', contentType: 'application/xml', text: '<a>1</a>' },
  { kind: 'raw', contentType: 'application/json; charset=utf-16', text: '{}' },
);

/** A body for a JSON route: mostly well-formed with a part broken, sometimes not an object at all. */
export function jsonBodyCase(doc: OpenApiDocument, schema: Schema): fc.Arbitrary<BodyCase> {
  const base = sample(doc, schema);
  const paths = fieldPaths(base);
  const mutated = fc
    .record({
      replace: fc.array(fc.tuple(fc.nat(), hostileValue), { maxLength: 3 }),
      drop: fc.array(fc.nat(), { maxLength: 2 }),
      extra: fc.option(fc.tuple(fc.string({ maxLength: 10 }), hostileValue), { nil: undefined }),
    })
    .map(({ replace, drop, extra }): BodyCase => {
      let value = structuredClone(base);
      for (const [i, v] of replace) if (paths.length) value = setAt(value, paths[i % paths.length]!, v);
      for (const i of drop) if (paths.length) value = setAt(value, paths[i % paths.length]!, undefined);
      if (extra && value && typeof value === 'object' && !Array.isArray(value))
        (value as Record<string, unknown>)[extra[0] || 'extra'] = extra[1];
      return { kind: 'json', value };
    });
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: hostileValue.map((value): BodyCase => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: rawJsonCases },
    { weight: 1, arbitrary: fc.constant<BodyCase>({ kind: 'none' }) },
  );
}

/** Every path to a field of a sample body, e.g. ['roles', 0, 'scopeCode']. */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => [[...prefix, i], ...fieldPaths(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...fieldPaths(v, [...prefix, k])]);
  return [];
}

function setAt(value: unknown, path: (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const [head, ...rest] = path;
  if (value === null || typeof value !== 'object') return value;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...value }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && v === undefined) delete copy[head!];
  else copy[head!] = setAt(copy[head!], rest, v);
  return copy;
}

/**
 * Percent-encodes like encodeURIComponent, but an unpaired surrogate becomes its three WTF-8 bytes
 * (e.g. %ED%A0%80), as a hostile client could send, instead of throwing.
 */
export function encodeLoose(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}

/** Query texts that are not valid percent-encoding or UTF-8 at all. */
const brokenQueries = [
  'page=%',
  'page=%E0%A4%A',
  'q=%FF%FE',
  'at=%00',
  '%=%',
  '&&&',
  'a[b][c]=1',
  'page[]=1',
];

/** A query string: the route's parameters (some hostile, some repeated) and sometimes one it does not know. */
export function queryCase(doc: OpenApiDocument, route: Route): fc.Arbitrary<string> {
  const param = (name: string, schema: Schema) =>
    fc
      .oneof(
        fc.constant<string[]>([]),
        fc.constant([String(sample(doc, schema))]),
        hostileText.map((t) => [t]),
        fc.array(hostileText, { minLength: 2, maxLength: 3 }),
      )
      .map((values) => values.map((v) => `${encodeLoose(name)}=${encodeLoose(v)}`));
  const parts = route.query.map((q) => param(q.name, q.schema));
  const unknown = fc.oneof(
    fc.constant<string[]>([]),
    fc.constant(['unknownParam=1']),
    fc.constantFrom(...brokenQueries).map((q) => [q]),
  );
  return fc.tuple(...parts, unknown).map((lists) => lists.flat().join('&'));
}

/** A path parameter: one that exists in the test world, one that does not, or something hostile. */
export function pathParamCase(known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: hostileText.filter((t) => t.length > 0) },
  );
}

export interface MultipartCase {
  kind: 'multipart';
  contentType: string;
  body: Buffer;
  /** Sent as Content-Length; differs from the body's length for a truncated upload. */
  declaredLength?: number;
}

/** Uploads: well-formed with odd fields or content, and broken in the ways clients break them. */
export function multipartCase(
  fields: string[],
  knownValues: Record<string, string[]>,
): fc.Arbitrary<MultipartCase> {
  const boundary = 'fuzzboundary7MA4YWxkTrZu0gW';
  const part = (name: string, value: string | Buffer, fileName?: string) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"` +
          (fileName !== undefined
            ? `; filename="${fileName}"\r\nContent-Type: application/octet-stream`
            : '') +
          '\r\n\r\n',
      ),
      typeof value === 'string' ? Buffer.from(value) : value,
      Buffer.from('\r\n'),
    ]);
  const end = Buffer.from(`--${boundary}--\r\n`);
  const wellFormed = fc
    .record({
      values: fc.tuple(
        ...fields
          .filter((f) => f !== 'file')
          .map((f) => fc.oneof(fc.constantFrom(...(knownValues[f] ?? ['x'])), hostileText)),
      ),
      fileName: fc.oneof(fc.constantFrom('evidence.pdf', 'results.xlsx', ''), hostileText),
      content: fc.oneof(
        fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
        fc.constantFrom(
          Buffer.from('%PDF-1.7\n%%EOF\n'),
          Buffer.from('PK\u0003\u0004 not really a zip'),
          Buffer.alloc(0),
        ),
      ),
      fileFirst: fc.boolean(),
      twoFiles: fc.boolean(),
    })
    .map(({ values, fileName, content, fileFirst, twoFiles }): MultipartCase => {
      const textParts = fields.filter((f) => f !== 'file').map((f, i) => part(f, values[i]!));
      const fileParts = [
        part('file', content, fileName),
        ...(twoFiles ? [part('file', content, 'b.pdf')] : []),
      ];
      return {
        kind: 'multipart',
        contentType: `multipart/form-data; boundary=${boundary}`,
        body: Buffer.concat([
          ...(fileFirst ? [...fileParts, ...textParts] : [...textParts, ...fileParts]),
          end,
        ]),
      };
    });
  const broken = fc.constantFrom<MultipartCase>(
    {
      kind: 'multipart',
      contentType: 'multipart/form-data',
      body: Buffer.concat([part('file', 'x', 'a.pdf'), end]),
    },
    {
      kind: 'multipart',
      contentType: `multipart/form-data; boundary=${boundary}`,
      body: part('file', Buffer.alloc(4096, 1), 'a.pdf').subarray(0, 200),
      declaredLength: 4096,
    },
    {
      kind: 'multipart',
      contentType: `multipart/form-data; boundary=${'b'.repeat(5000)}`,
      body: Buffer.from(
        `--${'b'.repeat(5000)}\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nx\r\n--${'b'.repeat(5000)}--\r\n`,
      ),
    },
    {
      kind: 'multipart',
      contentType: `multipart/form-data; boundary=${boundary}`,
      body: Buffer.from('garbage with no parts'),
    },
    { kind: 'multipart', contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.alloc(0) },
    { kind: 'multipart', contentType: `multipart/form-data; boundary=${boundary}`, body: end },
    {
      kind: 'multipart',
      contentType: `multipart/form-data; boundary=${boundary}`,
      body: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--${boundary}--\r\n`,
      ),
    },
    { kind: 'multipart', contentType: 'application/json', body: Buffer.from('{}') },
  );
  return fc.oneof({ weight: 3, arbitrary: wellFormed }, { weight: 2, arbitrary: broken });
}
