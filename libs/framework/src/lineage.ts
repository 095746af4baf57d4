import {
  CONTINUING_RELATIONS,
  type FrameworkDomain,
  type FrameworkVersion,
  type LineageRelation,
} from './framework.types.js';

/** A problem with a path, as validateFramework reports them (declared here to avoid an import cycle). */
interface Problem {
  path: string;
  message: string;
}

const NEEDS_NOTE: ReadonlySet<LineageRelation> = new Set(['reworded', 'changed', 'split', 'merged']);

/**
 * The lineage rules one version can be checked against on its own: `from` only on split (one id) and
 * merged (two or more), a note where something changed, a previous version for anything but `new`,
 * and a retired list that names each lineage once and none this version still carries.
 */
export function lineageShapeProblems(
  f: Pick<FrameworkVersion, 'version' | 'previousVersion'>,
  domains: Array<{ index: number; domain: FrameworkDomain }>,
): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  for (const { index, domain } of domains) {
    const at = `domains[${index}].lineage`;
    const { relation, from, note } = domain.lineage;
    if (relation !== 'new' && !f.previousVersion) {
      add(
        `${at}.relation`,
        `"${relation}" needs the version's previousVersion to say which version it follows`,
      );
    }
    if (NEEDS_NOTE.has(relation) && !note)
      add(`${at}.note`, `a ${relation} domain needs a note saying what changed`);
    if (relation === 'split' || relation === 'merged') {
      const ids = from ?? [];
      if (new Set(ids).size !== ids.length) add(`${at}.from`, 'names a lineage twice');
      if (relation === 'split' && ids.length !== 1) {
        add(`${at}.from`, 'a split domain comes from exactly one lineage of the previous version');
      }
      if (relation === 'merged' && ids.length < 2) {
        add(`${at}.from`, 'a merged domain comes from two or more lineages of the previous version');
      }
      if (ids.includes(domain.lineage.id)) {
        add(`${at}.id`, `a ${relation} domain needs a new lineage id, not one it comes from`);
      }
    } else if (from !== undefined) {
      add(`${at}.from`, 'only a split or merged domain says where it came from');
    }
  }
  const previous = f.previousVersion;
  if (previous) {
    if (previous.version === f.version)
      add('previousVersion.version', 'must be an earlier version, not this one');
    const carried = new Set(domains.map((d) => d.domain.lineage.id));
    const listed = new Set<string>();
    previous.retired.forEach((r, i) => {
      const at = `previousVersion.retired[${i}].lineageId`;
      if (listed.has(r.lineageId)) add(at, `lists "${r.lineageId}" twice`);
      listed.add(r.lineageId);
      if (carried.has(r.lineageId))
        add(at, `"${r.lineageId}" is retired but a domain of this version still has it`);
    });
  }
  return problems;
}

/**
 * Checks a version's lineage against the version it follows (`next.previousVersion.version`):
 * continued lineages exist there, new ones do not, `from` points at real lineages, and every lineage of
 * the previous version ends somewhere: continued, split or merged into this version, or listed as retired.
 */
export function validateLineage(previous: FrameworkVersion, next: FrameworkVersion): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (next.previousVersion?.version !== previous.version) {
    add('previousVersion.version', `does not name version ${previous.version}`);
    return problems;
  }
  if (previous.frameworkId !== next.frameworkId || previous.level !== next.level) {
    add('previousVersion.version', `${previous.version} is a different framework or level`);
    return problems;
  }
  const before = new Set(previous.domains.map((d) => d.lineage.id));
  const ended = new Set<string>();
  next.domains.forEach((d, index) => {
    const at = `domains[${index}].lineage`;
    const { id, relation, from = [] } = d.lineage;
    if (CONTINUING_RELATIONS.has(relation)) {
      if (before.has(id)) ended.add(id);
      else
        add(
          `${at}.id`,
          `"${id}" is not a lineage of ${previous.version}, so the domain cannot be ${relation}`,
        );
    } else if (before.has(id)) {
      add(
        `${at}.id`,
        `"${id}" is a lineage of ${previous.version}: a ${relation} domain needs a new lineage id`,
      );
    }
    for (const source of from) {
      if (before.has(source)) ended.add(source);
      else add(`${at}.from`, `"${source}" is not a lineage of ${previous.version}`);
    }
  });
  for (const r of next.previousVersion.retired) {
    if (!before.has(r.lineageId)) {
      add('previousVersion.retired', `"${r.lineageId}" is not a lineage of ${previous.version}`);
    }
    ended.add(r.lineageId);
  }
  for (const id of before) {
    if (!ended.has(id)) {
      add(
        'previousVersion.retired',
        `"${id}" of ${previous.version} is not carried, split, merged or listed as retired`,
      );
    }
  }
  return problems;
}

/**
 * Checks a chain of versions, oldest first, each following the one before: every pair with
 * validateLineage, and across the whole chain that a lineage id, once ended, never comes back and that
 * no lineage descends from itself (a cycle of splits or merges).
 */
export function validateLineageChain(chain: FrameworkVersion[]): Problem[] {
  const problems: Problem[] = [];
  const seenIn = new Map<string, string>();
  const parents = new Map<string, string[]>();
  chain.forEach((version, i) => {
    const previous = chain[i - 1];
    if (previous) {
      problems.push(
        ...validateLineage(previous, version).map((p) => ({
          ...p,
          message: `${version.version}: ${p.message}`,
        })),
      );
    }
    const carriedFromPrevious = new Set(previous?.domains.map((d) => d.lineage.id) ?? []);
    version.domains.forEach((d, index) => {
      const { id, relation, from = [] } = d.lineage;
      const firstSeen = seenIn.get(id);
      if (firstSeen && !(CONTINUING_RELATIONS.has(relation) && carriedFromPrevious.has(id))) {
        problems.push({
          path: `domains[${index}].lineage.id`,
          message: `${version.version}: "${id}" was used in ${firstSeen} and ended; an ended lineage cannot come back`,
        });
      }
      if (!firstSeen) seenIn.set(id, version.version);
      if (from.length > 0) parents.set(id, [...(parents.get(id) ?? []), ...from]);
    });
  });
  const cycle = findCycle(parents);
  if (cycle) {
    problems.push({ path: 'domains', message: `lineage descends from itself: ${cycle.join(' → ')}` });
  }
  return problems;
}

/** A path id → … → id through `parents`, or null when there is none. */
function findCycle(parents: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    for (const parent of parents.get(id) ?? []) {
      const found = visit(parent);
      if (found) return found;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of parents.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}
