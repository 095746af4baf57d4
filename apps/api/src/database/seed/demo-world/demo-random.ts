/**
 * A small seeded generator, so the demo world is the same on every fresh start: each stream is
 * keyed by text (an ODS code, a domain id…), never by Math.random or the clock.
 */

/** FNV-1a, 32 bits: a stable number for a key. */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Mulberry32 seeded by the key: numbers in [0, 1), the same sequence for the same key. */
export function randomFor(key: string): () => number {
  let state = hashOf(key);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, chosen by the key. */
export function pick<T>(items: readonly T[], key: string): T {
  return items[hashOf(key) % items.length]!;
}
