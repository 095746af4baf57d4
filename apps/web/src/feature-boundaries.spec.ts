import { join } from 'node:path';

import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(import.meta.dirname, '../../..');

/**
 * Lints a file that is not on disk with the project's own ESLint config (type-aware rules off, as
 * they need files on disk), and returns the boundary rule's messages.
 */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
  });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId?.startsWith('import-x/'))
    .map((message) => `${message.ruleId}: ${message.message}`);
}

describe('web feature boundaries (eslint.config.js)', () => {
  it('refuses an import of another feature', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/features/home/boundary-probe.ts',
      "export { useInvitation } from '../auth/api/invitation-api';\n",
    );
    expect(errors).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*move what home shares/),
    ]);
  });

  it('allows a feature its own files, lib/ and components/', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/features/home/boundary-probe.ts',
      [
        "export { YourAccess } from './your-access';",
        "export { pluralise } from '../../lib/format';",
        "export { StatusTag } from '../../components/status-tag';",
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });

  it('refuses a feature import in lib/ and components/', async () => {
    const code = "export { useImports } from '../features/imports/api/imports-api';\n";
    const refused = [
      expect.stringMatching(
        /^import-x\/no-restricted-paths: .*lib\/ and components\/ are shared by the features: they import no feature/,
      ),
    ];
    expect(await boundaryErrors('apps/web/src/lib/boundary-probe.ts', code)).toEqual(refused);
    expect(await boundaryErrors('apps/web/src/components/boundary-probe.ts', code)).toEqual(refused);
  });

  it('refuses a relative import that does not resolve, which the boundary rule could not check', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/features/home/boundary-probe.ts',
      "export { nothing } from '../auth/no-such-file';\n",
    );
    expect(errors).toEqual([expect.stringMatching(/^import-x\/no-unresolved: /)]);
  });
});
