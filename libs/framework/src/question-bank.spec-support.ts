import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import type { FrameworkElement, FrameworkVersion } from './framework.types.js';
import { validateFramework } from './validate-framework.js';

/** A bundled question bank file, parsed but not validated. */
export const loadQuestionBank = (file: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../question-bank', file), 'utf8'));

/** Validates a framework and returns it typed; the assertion prints every problem when it fails. */
export function validated(input: unknown): FrameworkVersion {
  const result = validateFramework(input);
  expect(result.ok ? [] : result.problems).toEqual([]);
  if (!result.ok) throw new Error('framework is not valid');
  return result.framework;
}

export const elementsOf = (f: FrameworkVersion): FrameworkElement[] =>
  f.domains.flatMap((d) => d.levels.flatMap((l) => l.elements));
