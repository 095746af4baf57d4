import { z } from 'zod';
import {
  CARE_SETTINGS,
  type FrameworkDomain,
  type FrameworkVersion,
  appliesTo,
  ID_PATTERN,
  MEASURE_IDS,
  LINEAGE_RELATIONS,
  VERSION_PATTERN,
} from './framework.types.js';
import { lineageShapeProblems } from './lineage.js';

// No compiled (eval'd) parsers: the web app loads this module under a content security policy without
// 'unsafe-eval', where zod's probe for eval is reported as a violation (a browser console issue). Set
// before any schema below is made; a framework is validated once per import, so speed is no concern.
z.config({ jitless: true });

export interface FrameworkProblem {
  /** Where, e.g. `domains[3].levels[2].elements` ("" for the whole document). */
  path: string;
  message: string;
}

export type FrameworkValidation =
  { ok: true; framework: FrameworkVersion } | { ok: false; problems: FrameworkProblem[] };

const text = (what: string, max = 2000) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);
const id = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .regex(ID_PATTERN, `${what} must be lower-case letters, digits, dots and dashes`);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  // An invalid Date (from text the regex refused, or 2026-13-45) has no ISO form: toISOString throws.
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
  }, 'must be a real date');

const elementSchema = z.strictObject({
  id: id('element id'),
  text: text('element text', 500),
  guidance: text('element guidance'),
  evidence: text('element evidence'),
});

const levelSchema = z.strictObject({
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
    error: 'level must be a whole number from 1 to 5',
  }),
  descriptor: text('level descriptor', 1000),
  elements: z.array(elementSchema),
});

const domainSchema = z.strictObject({
  id: id('domain id'),
  measure: z.enum(MEASURE_IDS, { error: `measure must be one of ${MEASURE_IDS.join(', ')}` }),
  title: text('domain title', 200),
  whatGoodLooksLike: text('what good looks like', 1000),
  careSettings: z.union([
    z.literal('all'),
    z
      .array(
        z.enum(CARE_SETTINGS, { error: `care settings must be from ${CARE_SETTINGS.join(', ')} or "all"` }),
      )
      .min(1, 'care settings must name at least one care setting, or be "all"'),
  ]),
  notApplicableAllowed: z.boolean({ error: 'notApplicableAllowed must be true or false' }),
  lineage: z.strictObject({
    id: id('lineage id'),
    relation: z.enum(LINEAGE_RELATIONS, {
      error: `lineage relation must be one of ${LINEAGE_RELATIONS.join(', ')}`,
    }),
    from: z.array(id('lineage from')).optional(),
    note: text('lineage note', 1000).optional(),
  }),
  levels: z.array(levelSchema).length(5, 'a domain must have exactly five levels'),
});

const frameworkSchema = z.strictObject({
  frameworkId: id('framework id').max(100, 'framework id must be at most 100 characters'),
  version: z
    .string({ error: 'version must be text' })
    .regex(
      VERSION_PATTERN,
      'version must be 1 to 40 letters, digits, dots, dashes or underscores, for example 2026.1',
    ),
  title: text('title', 200),
  publishedOn: isoDate.nullable(),
  status: z.enum(['draft', 'published', 'retired'], { error: 'status must be draft, published or retired' }),
  level: z.enum(['organisation', 'system'], { error: 'level must be organisation or system' }),
  scale: z.strictObject(
    { min: z.literal(1), max: z.literal(5) },
    { error: 'scale must be { "min": 1, "max": 5 }' },
  ),
  measures: z.array(
    z.strictObject({
      id: z.enum(MEASURE_IDS, { error: `measure id must be one of ${MEASURE_IDS.join(', ')}` }),
      name: text('measure name', 100),
    }),
  ),
  previousVersion: z
    .strictObject({
      version: z
        .string({ error: 'previous version must be text' })
        .regex(VERSION_PATTERN, 'previous version must be a version, for example 2026.1'),
      retired: z.array(
        z.strictObject({ lineageId: id('retired lineage id'), reason: text('retirement reason', 1000) }),
      ),
    })
    .optional(),
  // Domains are parsed one by one (below) so that the rules across domains still run on every
  // domain that is well formed, and all problems come back together.
  domains: z
    .array(z.unknown(), { error: 'domains must be a list' })
    .min(1, 'a framework must have at least one domain'),
});

function pathOf(segments: ReadonlyArray<PropertyKey>): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`))
    .join('');
}

/** The rules the shape alone cannot express; `complete` is false when some domain was malformed. */
function crossChecks(
  f: Omit<FrameworkVersion, 'domains'>,
  domains: Array<{ index: number; domain: FrameworkDomain }>,
  complete: boolean,
): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const measureIds = f.measures.map((m) => m.id);
  if (measureIds.join() !== MEASURE_IDS.join()) {
    add('measures', `must list the seven measures once each, in this order: ${MEASURE_IDS.join(', ')}`);
  }
  if (f.status !== 'draft' && f.publishedOn === null)
    add('publishedOn', `a ${f.status} version needs a publication date`);

  const seen = (kind: string) => {
    const where = new Map<string, string>();
    return (value: string, path: string) => {
      const first = where.get(value);
      if (first) add(path, `duplicate ${kind} "${value}" (first used at ${first})`);
      else where.set(value, path);
    };
  };
  const domainId = seen('domain id');
  const lineageId = seen('lineage id');
  const elementId = seen('element id');

  domains.forEach(({ index, domain: d }) => {
    const at = `domains[${index}]`;
    domainId(d.id, `${at}.id`);
    lineageId(d.lineage.id, `${at}.lineage.id`);
    if (f.level === 'system' && d.careSettings !== 'all') {
      add(`${at}.careSettings`, 'a system-level framework has no care settings: use "all"');
    }
    if (Array.isArray(d.careSettings) && new Set(d.careSettings).size !== d.careSettings.length) {
      add(`${at}.careSettings`, 'names a care setting twice');
    }
    d.levels.forEach((l, li) => {
      const lp = `${at}.levels[${li}]`;
      if (l.level !== li + 1) add(`${lp}.level`, `must be ${li + 1} (levels run 1 to 5 in order)`);
      if (l.level === 1 && l.elements.length > 0) {
        add(`${lp}.elements`, 'level 1 is where every domain starts: it has a descriptor and no elements');
      }
      if (l.level > 1 && (l.elements.length < 2 || l.elements.length > 4)) {
        add(`${lp}.elements`, `level ${l.level} needs 2 to 4 elements (it has ${l.elements.length})`);
      }
      l.elements.forEach((e, ei) => elementId(e.id, `${lp}.elements[${ei}].id`));
    });
  });

  problems.push(...lineageShapeProblems(f, domains));

  // Coverage is judged only on a complete set of domains, or a malformed one would be blamed twice.
  for (const measure of complete ? MEASURE_IDS : []) {
    const ofMeasure = domains.map((d) => d.domain).filter((d) => d.measure === measure);
    if (ofMeasure.length === 0) {
      add('domains', `measure ${measure} has no domain`);
      continue;
    }
    if (f.level === 'organisation') {
      for (const setting of CARE_SETTINGS) {
        if (!ofMeasure.some((d) => appliesTo(d, setting))) {
          add('domains', `measure ${measure} has no domain for the ${setting} care setting`);
        }
      }
    }
  }
  return problems;
}

/** Validates a framework version, returning every problem at once with its path. */
export function validateFramework(input: unknown): FrameworkValidation {
  const problems: FrameworkProblem[] = [];
  const record = (issues: z.core.$ZodIssue[], prefix: ReadonlyArray<PropertyKey> = []) =>
    issues.forEach((issue) =>
      problems.push({ path: pathOf([...prefix, ...issue.path]), message: issue.message }),
    );

  const head = frameworkSchema.safeParse(input);
  if (!head.success) record(head.error.issues);
  const rawDomains: unknown[] =
    typeof input === 'object' && input !== null && Array.isArray((input as { domains?: unknown }).domains)
      ? (input as { domains: unknown[] }).domains
      : [];
  const domains: Array<{ index: number; domain: FrameworkDomain }> = [];
  rawDomains.forEach((raw, index) => {
    const parsed = domainSchema.safeParse(raw);
    if (parsed.success) domains.push({ index, domain: parsed.data });
    else record(parsed.error.issues, ['domains', index]);
  });
  if (head.success) {
    problems.push(...crossChecks(head.data, domains, domains.length === rawDomains.length));
  }
  if (problems.length > 0 || !head.success) return { ok: false, problems };
  return { ok: true, framework: { ...head.data, domains: domains.map((d) => d.domain) } };
}
