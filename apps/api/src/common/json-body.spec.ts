import { describe, expect, it } from '@jest/globals';
import { nestsDeeperThan } from './json-body.js';

const deeper = (text: string, max: number) => nestsDeeperThan(Buffer.from(text), max);

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, up to the limit and one past it', () => {
    expect(deeper('[[[]]]', 3)).toBe(false);
    expect(deeper('[[[[]]]]', 3)).toBe(true);
    expect(deeper('{"a":{"b":{"c":1}}}', 3)).toBe(false);
    expect(deeper('{"a":[{"c":[1]}]}', 3)).toBe(true);
    expect(deeper('[[],[],[],[]]', 2)).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(deeper('{"a":"[[[[[[{{{{"}', 1)).toBe(false);
    expect(deeper('{"a":"\\"[[[[\\\\"}', 1)).toBe(false);
    expect(deeper('["\\\\", [[]]]', 2)).toBe(true);
  });

  it('handles 3,000 levels without recursion', () => {
    expect(deeper('['.repeat(3000) + ']'.repeat(3000), 32)).toBe(true);
    expect(deeper('{"a":'.repeat(3000) + '1' + '}'.repeat(3000), 32)).toBe(true);
  });
});
