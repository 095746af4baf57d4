import type { FrameworkDomain, FrameworkElement, LevelNumber } from '@wgll/framework';

/** The ids of the elements a return says are met. */
export type MetElements = ReadonlySet<string>;

/**
 * Gated scoring, as the national assessment does it: a domain's level is the highest L such that
 * every element of levels 2..L is met. With any level-2 element unmet it is 1.
 */
export function domainLevel(domain: FrameworkDomain, met: MetElements): LevelNumber {
  let level: LevelNumber = 1;
  for (const step of domain.levels) {
    if (step.level === 1) continue;
    for (const element of step.elements) {
      if (!met.has(element.id)) return level;
    }
    level = step.level;
  }
  return level;
}

export interface NextLevelNeeds {
  currentLevel: LevelNumber;
  /** Null at level 5. */
  nextLevel: LevelNumber | null;
  /** The unmet elements of the next level: each one blocks it. */
  needed: FrameworkElement[];
  /** Elements of higher levels already met, which count only once `needed` is met. */
  metAboveNextLevel: FrameworkElement[];
  /** The level the domain would reach if every `needed` element were met. */
  levelOnceNeededMet: LevelNumber;
}

/**
 * What it takes to reach the next level. Because scoring is gated, an unmet element of a lower
 * level caps the domain however much is met above it: those elements are `needed`, and what they
 * hold back is `metAboveNextLevel`.
 */
export function whatNextLevelNeeds(domain: FrameworkDomain, met: MetElements): NextLevelNeeds {
  const currentLevel = domainLevel(domain, met);
  if (currentLevel === 5) {
    return { currentLevel, nextLevel: null, needed: [], metAboveNextLevel: [], levelOnceNeededMet: 5 };
  }
  const nextLevel = (currentLevel + 1) as LevelNumber;
  const next = domain.levels.find((l) => l.level === nextLevel);
  const needed = next ? next.elements.filter((e) => !met.has(e.id)) : [];
  const metAboveNextLevel = domain.levels
    .filter((l) => l.level > nextLevel)
    .flatMap((l) => l.elements.filter((e) => met.has(e.id)));
  const withNeeded = new Set(met);
  for (const e of needed) withNeeded.add(e.id);
  return {
    currentLevel,
    nextLevel,
    needed,
    metAboveNextLevel,
    levelOnceNeededMet: domainLevel(domain, withNeeded),
  };
}
