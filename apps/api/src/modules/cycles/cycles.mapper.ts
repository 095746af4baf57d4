import type { Cycle, CycleStatus } from '@wgll/contracts';
import type { CycleEntity } from './cycle.entity.js';

export function cycleStatus(cycle: Pick<CycleEntity, 'opensOn' | 'closesOn'>, today: string): CycleStatus {
  if (today < cycle.opensOn) return 'upcoming';
  return today > cycle.closesOn ? 'closed' : 'open';
}

export function toCycle(cycle: CycleEntity, today: string, titles: Map<string, string>): Cycle {
  const ref = (frameworkId: string, version: string) => ({
    frameworkId,
    version,
    title: titles.get(`${frameworkId}@${version}`) ?? frameworkId,
  });
  return {
    id: cycle.id,
    name: cycle.name,
    organisationFramework: ref(cycle.organisationFrameworkId, cycle.organisationFrameworkVersion),
    systemFramework: ref(cycle.systemFrameworkId, cycle.systemFrameworkVersion),
    opensOn: cycle.opensOn,
    closesOn: cycle.closesOn,
    referenceDate: cycle.referenceDate,
    status: cycleStatus(cycle, today),
    createdAt: cycle.createdAt.toISOString(),
  };
}
