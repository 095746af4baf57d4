import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';

/**
 * The module seams of architecture.md, checked on the source of src/modules (migrations, seeds and
 * the rest of src/ are not modules and are not scanned):
 * - a module owns the tables its entities declare (`@Entity('name')` in its folder); no other
 *   module names them in SQL or imports their entities (an entity's foreign-key relation to
 *   another module's entity excepted);
 * - module folders do not import each other, directly or round a longer loop.
 * The rules are run on inline examples first, so a scanner that finds nothing cannot pass for a
 * clean code base.
 */

/**
 * Uses of another module's table that are known and to be removed (issue 13), `module → table`.
 * The test fails when one of them is no longer found, so the list only shrinks: delete the entry.
 */
const KNOWN_BREACHES: readonly string[] = [
  // Results reads the cycle list and finds organisations and regions by their entities; imports
  // locks the cycle it applies to and names the administrator who uploaded. Next to move behind
  // readers of cycles, organisations and users.
  'results → cycle',
  'results → region',
  'results → organisation',
  // The stored results are read with the names of their organisation, ICS and region, joined in the
  // database so the views keep its ordering by name.
  'result-store → ics',
  'result-store → organisation',
  'result-store → region',
  'imports → app_user',
  'imports → cycle',
  // Not yet addressed: returns join cycles and place organisations in their SQL and entities.
  'assessments → cycle',
  'assessments → ics',
  'assessments → organisation',
  // Sign-in, sessions and SSO read and update accounts (app_user) directly.
  'auth → app_user',
  // Retiring a cycle counts its started returns.
  'cycles → assessment_return',
  'cycles → domain_answer',
  // Retiring a framework version looks for open cycles that use it.
  'frameworks → cycle',
  // Role scopes are checked and named from the hierarchy tables.
  'users → ics',
  'users → organisation',
  'users → region',
];

/**
 * Imports between module folders that close a loop, known and to be removed, `from → to`; the
 * loop check leaves them out. Like KNOWN_BREACHES, an entry that is no longer needed fails the test.
 */
const KNOWN_CYCLE_EDGES: readonly string[] = [
  // Retiring a cycle announces a change of results (ResultsWriter.cycleRetired), so every process
  // forgets the cycle; result_score's foreign key to cycle is the natural direction.
  'cycles → result-store',
  // Retiring a framework version reads the cycles that use it.
  'frameworks → cycles',
];

const MODULES_DIR = join(import.meta.dirname, 'modules');
const MIGRATIONS_DIR = join(import.meta.dirname, 'database', 'migrations');

/** A file under modules/, by its path relative to the modules folder (`results/results.service.ts`). */
interface ModuleFile {
  path: string;
  text: string;
}

/** One use of another module's table. */
interface Breach {
  /** `module → table`, the form of the allow-list. */
  key: string;
  file: string;
  how: 'sql' | 'entity import';
}

function moduleOf(path: string): string {
  return normalize(path).split(sep)[0]!;
}

function parse(file: ModuleFile): ts.SourceFile {
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  node.forEachChild((child) => visit(child, each));
}

/** The table names each file declares with `@Entity('name')` or `@Entity({ name: 'name' })`. */
function entityTables(file: ModuleFile): string[] {
  const tables: string[] = [];
  visit(parse(file), (node) => {
    if (!ts.isDecorator(node) || !ts.isCallExpression(node.expression)) return;
    const call = node.expression;
    if (!ts.isIdentifier(call.expression) || call.expression.text !== 'Entity') return;
    const [argument] = call.arguments;
    let name: string | undefined;
    if (argument && ts.isStringLiteral(argument)) name = argument.text;
    if (argument && ts.isObjectLiteralExpression(argument)) {
      for (const property of argument.properties) {
        if (
          ts.isPropertyAssignment(property) &&
          ts.isIdentifier(property.name) &&
          property.name.text === 'name' &&
          ts.isStringLiteral(property.initializer)
        ) {
          name = property.initializer.text;
        }
      }
    }
    // The rule needs the table's name written down, not derived by TypeORM from the class name.
    if (!name) throw new Error(`${file.path}: name the table in @Entity('table_name')`);
    tables.push(name);
  });
  return tables;
}

/** Which module owns each table: the module whose folder holds its entity. */
function tableOwners(files: readonly ModuleFile[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of files) {
    for (const table of entityTables(file)) {
      const owner = owners.get(table);
      if (owner) throw new Error(`Table ${table} is declared by ${owner} and again in ${file.path}`);
      owners.set(table, moduleOf(file.path));
    }
  }
  return owners;
}

/**
 * The text of every string and template literal, except import paths. A template's parts are
 * joined with a space where its `${…}` were (the literals inside those are read on their own).
 */
function literals(file: ModuleFile): Literal[] {
  const found: Literal[] = [];
  const source = parse(file);
  // SQL with a table name put in (`FROM ${TABLES[type]}`): the file's bare table names are tables.
  let namesTables = false;
  visit(source, (node) => {
    if (!ts.isTemplateExpression(node)) return;
    const beforeSubstitutions = [
      node.head.text,
      ...node.templateSpans.slice(0, -1).map((s) => s.literal.text),
    ];
    if (beforeSubstitutions.some((text) => /\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+"?$/.test(text))) {
      namesTables = true;
    }
  });
  visit(source, (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const parent = node.parent;
      const isPath =
        ((ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) &&
          parent.moduleSpecifier === node) ||
        (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) ||
        ts.isExternalModuleReference(parent) ||
        ts.isLiteralTypeNode(parent);
      if (!isPath) found.push({ text: node.text, tableName: namesTables || isTableArgument(node) });
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
      found.push({ text, tableName: false });
    }
  });
  return found;
}

interface Literal {
  text: string;
  /**
   * Taken as a table name when it is nothing but one: an argument of a query-builder or repository
   * method that takes a table, or any literal of a file that puts table names into its SQL.
   */
  tableName: boolean;
}

const TABLE_METHODS = new Set([
  'from',
  'into',
  'update',
  'delete',
  'insert',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'getRepository',
]);

function isTableArgument(node: ts.Expression): boolean {
  const call = node.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(node)) return false;
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee)
    ? callee.name.text
    : ts.isIdentifier(callee)
      ? callee.text
      : '';
  return TABLE_METHODS.has(name);
}

/** Words that make a literal SQL (upper case, as this code base writes SQL). */
const SQL_WORDS = /\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|TRUNCATE|LOCK|MERGE)\b/;

/**
 * The tables a literal names: in SQL, each table name as a whole word, possibly "quoted" (not after
 * a `.`, where it is a column, nor before one, where it is an alias, nor in 'single quotes', where
 * it is a value); a literal that is nothing but a table name counts when it is given to a
 * query-builder or repository method that takes one (`.from('cycle', 'c')`).
 */
function tablesNamed({ text: literal, tableName }: Literal, tables: readonly string[]): string[] {
  if (tableName && tables.includes(literal.trim())) return [literal.trim()];
  if (!SQL_WORDS.test(literal)) return [];
  return tables.filter((table) => new RegExp(`(?<![\\w.$'"])"?${table}"?(?![\\w.$'])`).test(literal));
}

/** Relative imports (and re-exports) of a file, resolved to paths under the modules folder. */
function relativeImports(file: ModuleFile): string[] {
  const paths: string[] = [];
  visit(parse(file), (node) => {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      specifier = node.arguments[0];
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      specifier = node.argument.literal;
    }
    if (!specifier || !ts.isStringLiteralLike(specifier) || !specifier.text.startsWith('.')) return;
    const target = normalize(join(dirname(file.path), specifier.text)).replace(/\.js$/, '.ts');
    paths.push(target);
  });
  return paths;
}

/** Every use of a table by a module that does not own it, in SQL or by importing its entity. */
function tableBreaches(files: readonly ModuleFile[]): Breach[] {
  const owners = tableOwners(files);
  const tables = [...owners.keys()];
  const entityFiles = new Map(files.map((f) => [normalize(f.path), entityTables(f)]));
  const breaches: Breach[] = [];
  for (const file of files) {
    const module = moduleOf(file.path);
    const add = (table: string, how: Breach['how']) => {
      if (owners.get(table) === module) return;
      const key = `${module} → ${table}`;
      if (!breaches.some((b) => b.key === key && b.file === file.path && b.how === how)) {
        breaches.push({ key, file: file.path, how });
      }
    };
    for (const literal of literals(file)) {
      for (const table of tablesNamed(literal, tables)) add(table, 'sql');
    }
    // An entity may declare a foreign key to another module's table (the relation needs its
    // entity); it reads and writes nothing there, so only imports by other files count.
    if (entityFiles.get(normalize(file.path))?.length) continue;
    for (const target of relativeImports(file)) {
      for (const table of entityFiles.get(target) ?? []) add(table, 'entity import');
    }
  }
  return breaches;
}

/** Module → the other modules it imports from (relative imports between module folders). */
function moduleGraph(files: readonly ModuleFile[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = moduleOf(file.path);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of relativeImports(file)) {
      // Paths leaving the modules folder (common/, config/, database/) are not modules.
      if (target.startsWith('..')) continue;
      const to = moduleOf(target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/**
 * Groups of modules that import each other, directly or round a longer loop (strongly connected
 * components of more than one module), each sorted, leaving out the edges in `ignored`
 * (`from → to`).
 */
function moduleCycles(
  graph: ReadonlyMap<string, ReadonlySet<string>>,
  ignored: readonly string[] = [],
): string[][] {
  const edges = (from: string) =>
    [...(graph.get(from) ?? [])].filter((to) => !ignored.includes(`${from} → ${to}`));
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges(node)) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

function moduleFiles(): ModuleFile[] {
  return readdirSync(MODULES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.spec.ts'))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(MODULES_DIR, path), 'utf8') }));
}

function byKey(breaches: readonly Breach[]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const b of breaches) keys.set(b.key, [...(keys.get(b.key) ?? []), `${b.file} (${b.how})`]);
  return keys;
}

describe('module seams: the scanner', () => {
  const entity = (path: string, table: string): ModuleFile => ({
    path,
    text: `import { Entity } from 'typeorm';\n@Entity({ name: '${table}' })\nexport class E {}`,
  });
  const owned = [
    entity('cycles/cycle.entity.ts', 'cycle'),
    entity('results/entities/result-score.entity.ts', 'result_score'),
    { path: 'assessments/entities/a.entity.ts', text: "@Entity('assessment_return') class A {}" },
  ];

  it("finds each module's tables from its entities, whichever way the name is written", () => {
    expect([...tableOwners(owned)]).toEqual([
      ['cycle', 'cycles'],
      ['result_score', 'results'],
      ['assessment_return', 'assessments'],
    ]);
    expect(() => tableOwners([...owned, entity('frameworks/x.entity.ts', 'cycle')])).toThrow(
      /declared by cycles/,
    );
  });

  it("finds another module's table in SQL, in strings and templates, quoted or not", () => {
    const file = {
      path: 'results/results-data.ts',
      text: [
        "const a = 'SELECT id FROM cycle WHERE id = $1';",
        'const b = `SELECT s.overall FROM result_score s JOIN ${"assessment_return"} r ON true`;',
        'const c = `UPDATE "assessment_return" SET state = $1 WHERE id = ${id}`;',
      ].join('\n'),
    };
    expect(tableBreaches([...owned, file]).map((b) => `${b.key} ${b.how}`)).toEqual([
      'results → cycle sql',
      'results → assessment_return sql',
    ]);
  });

  it('does not take words, values, columns or aliases for tables, nor its own tables', () => {
    const file = {
      path: 'results/results.service.ts',
      text: [
        "const message = 'Choose the cycle these results belong to';",
        "const sql = `SELECT s.cycle, c.name AS cycle_name FROM result_score s WHERE s.level = 'cycle'`;",
        "const alias = repo.createQueryBuilder('cycle').where('cycle.retiredAt IS NULL');",
        "import { x } from '../cycles/cycle-names.js';",
      ].join('\n'),
    };
    expect(tableBreaches([...owned, file])).toEqual([]);
  });

  it('finds a bare table name given to the query builder, or put into SQL by the file', () => {
    const builder = { path: 'results/a.ts', text: "dataSource.createQueryBuilder().from('cycle', 'c');" };
    const put = {
      path: 'results/b.ts',
      text: "const TABLES = { c: 'cycle' };\nconst q = (t) => `SELECT 1 FROM ${TABLES[t]} WHERE id = $1`;",
    };
    expect(tableBreaches([...owned, builder, put]).map((b) => `${b.key} ${b.file}`)).toEqual([
      'results → cycle results/a.ts',
      'results → cycle results/b.ts',
    ]);
  });

  it("finds an import of another module's entity, except an entity's foreign-key relation", () => {
    const service = {
      path: 'results/results.service.ts',
      text: "import type { CycleEntity } from '../cycles/cycle.entity.js';",
    };
    const relation = {
      path: 'results/entities/result-score.entity.ts',
      text: "import { CycleEntity } from '../../cycles/cycle.entity.js';\n@Entity('result_score') class S {}",
    };
    expect(tableBreaches([...owned.slice(0, 1), owned[2]!, service, relation])).toEqual([
      { key: 'results → cycle', file: 'results/results.service.ts', how: 'entity import' },
    ]);
  });

  it('finds modules that import each other, directly or round a loop', () => {
    const files = [
      { path: 'a/a.service.ts', text: "import { B } from '../b/b.service.js';" },
      {
        path: 'b/b.service.ts',
        text: "import type { C } from '../c/c.js';\nimport { x } from '../../common/x.js';",
      },
      { path: 'c/c.ts', text: "export { A } from '../a/a.service.js';" },
      { path: 'd/d.ts', text: "import { A } from '../a/a.service.js';" },
    ];
    const graph = moduleGraph(files);
    expect(moduleCycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(moduleCycles(graph, ['c → a'])).toEqual([]);
  });
});

describe('module seams: src/modules', () => {
  const files = moduleFiles();

  it("scans the modules' own source files only", () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      expect(file.path).not.toMatch(/^\.\.|\.spec\.ts$/);
      expect(existsSync(join(MODULES_DIR, file.path))).toBe(true);
    }
  });

  it('gives every table the migrations create to exactly one module', () => {
    const owners = tableOwners(files);
    const created = new Set<string>();
    for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.ts'))) {
      for (const match of readFileSync(join(MIGRATIONS_DIR, name), 'utf8').matchAll(
        /CREATE TABLE "(\w+)"/g,
      )) {
        created.add(match[1]!);
      }
    }
    expect(created.size).toBeGreaterThan(20);
    expect([...created].filter((table) => !owners.has(table))).toEqual([]);
  });

  it("names no other module's table, beyond the known breaches", () => {
    const found = byKey(tableBreaches(files));
    const unknown = [...found].filter(([key]) => !KNOWN_BREACHES.includes(key));
    expect(Object.fromEntries(unknown)).toEqual({});
    // A breach that has gone must leave the list too.
    expect(KNOWN_BREACHES.filter((key) => !found.has(key))).toEqual([]);
  });

  it('has no module folders importing each other, beyond the known loops', () => {
    const graph = moduleGraph(files);
    expect(moduleCycles(graph, KNOWN_CYCLE_EDGES)).toEqual([]);
    // An edge that no longer closes a loop (or is gone) must leave the list too.
    const needless = KNOWN_CYCLE_EDGES.filter(
      (edge) =>
        moduleCycles(
          graph,
          KNOWN_CYCLE_EDGES.filter((e) => e !== edge),
        ).length === 0,
    );
    expect(needless).toEqual([]);
  });
});
