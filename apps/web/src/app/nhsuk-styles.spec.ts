import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { describe, expect, it } from '@jest/globals';

const src = join(import.meta.dirname, '..');
const components = join(
  dirname(createRequire(import.meta.url).resolve('nhsuk-frontend/package.json')),
  'dist/nhsuk/components',
);

/** nhsuk-frontend's components that have styles, by folder name (button, date-input, tables…). */
const styled = readdirSync(components).filter((name) => existsSync(join(components, name, '_index.scss')));

/** A component's root class, where it differs from `nhsuk-<folder>`. */
const rootClass: Record<string, string> = { tables: 'nhsuk-table', images: 'nhsuk-image' };

/** nhsuk-react-components names that differ from the folder's in PascalCase. */
const reactName: Record<string, string> = {
  tables: 'Table',
  input: 'TextInput',
  'do-dont-list': 'DoAndDontList',
};
const pascal = (name: string) =>
  name.replace(/(^|-)(\w)/g, (_m, _dash: string, c: string) => c.toUpperCase());

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the NHS styles the app loads (src/app/nhsuk.scss)', () => {
  const scss = readFileSync(join(src, 'app/nhsuk.scss'), 'utf8');
  const included = new Set([...scss.matchAll(/@use '[^']*\/components\/([\w-]+)'/g)].map((m) => m[1]));
  const code = sourceFiles(src)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const imported = new Set(
    [...code.matchAll(/import \{([^}]*)\} from 'nhsuk-react-components'/g)].flatMap((m) =>
      (m[1] ?? '').split(',').map((name) => name.replace(/^\s*type\s+/, '').trim()),
    ),
  );

  it('includes every component the pages use, by React component or by class name', () => {
    const used = styled.filter((name) => {
      const byReact = imported.has(reactName[name] ?? pascal(name));
      const cls = rootClass[name] ?? `nhsuk-${name}`;
      const byClass = new RegExp(`['" ]${cls}(?:__|--|['" ])`).test(code);
      return byReact || byClass;
    });
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !included.has(name))).toEqual([]);
  });

  it('names only real components', () => {
    expect([...included].filter((name) => !name || !styled.includes(name))).toEqual([]);
  });
});
