import type { Cycle, CycleStatus } from '@wgll/contracts';
import { operatingStatus } from '../organisations/dated-period.js';
import type { CycleEntity } from './cycle.entity.js';

/** The usual name of the cycle of a financial year: 2025 → "2025/26". */
export function financialYearName(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function cycleStatus(cycle: Pick<CycleEntity, 'opensOn' | 'closesOn'>, today: string): CycleStatus {
  const status = operatingStatus(cycle.opensOn, cycle.closesOn, today);
  return status === 'not-yet-open' ? 'upcoming' : status;
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
    retiredAt: cycle.retiredAt?.toISOString() ?? null,
  };
}
