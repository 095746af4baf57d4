import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The question bank shipped with the product: loaded (idempotently) at every start. */
export const BUNDLED_FRAMEWORK_FILES = [
  'wgll-self-assessment-2026.organisation.json',
  'wgll-self-assessment-2026.system.json',
  // Each version after its previous one: a version is checked against the one it follows.
  'wgll-self-assessment-2027.organisation.json',
  'wgll-self-assessment-2027.system.json',
];

const require = createRequire(import.meta.url);

export function readBundledFrameworks(): Array<{ file: string; document: unknown }> {
  return BUNDLED_FRAMEWORK_FILES.map((file) => ({
    file,
    document: JSON.parse(
      readFileSync(require.resolve(`@wgll/framework/question-bank/${file}`), 'utf8'),
    ) as unknown,
  }));
}
