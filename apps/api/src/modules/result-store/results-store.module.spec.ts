import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { MODULE_METADATA } from '@nestjs/common/constants.js';
import { ResultScoresReader } from './result-scores.reader.js';
import { ResultsChanges } from './results-changes.js';
import { ResultsStoreModule } from './results-store.module.js';
import { ResultsWriter } from './results-writer.js';

const MODULES_DIR = join(import.meta.dirname, '..');

describe('the stored results, seen from other modules', () => {
  it('are written only through the writer (which announces each change) and read through a reader', () => {
    expect(Reflect.getMetadata(MODULE_METADATA.EXPORTS, ResultsStoreModule)).toEqual([
      ResultScoresReader,
      ResultsChanges,
      ResultsWriter,
    ]);
  });

  it('give the reader no way to write', () => {
    expect(Object.getOwnPropertyNames(ResultScoresReader.prototype).sort()).toEqual([
      'constructor',
      'countsByCycle',
      'domainLevelsOf',
      'primaryCareOf',
      'rowsOf',
      'sealedOf',
      'sealedOveralls',
    ]);
  });

  it('keep the repository that writes the rows inside the module', () => {
    const importers = readdirSync(MODULES_DIR, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts') && !path.startsWith('result-store'))
      .filter((path) => readFileSync(join(MODULES_DIR, path), 'utf8').includes('result-scores.repository'));
    expect(importers).toEqual([]);
  });
});
