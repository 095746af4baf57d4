import type { FrameworkVersion } from '@wgll/framework';
import type { DataSource } from 'typeorm';
import { readBundledFrameworks } from '../../modules/frameworks/bundled-frameworks.js';
import { CycleEntity } from '../../modules/cycles/cycle.entity.js';
import { financialYearName } from '../../modules/cycles/cycles.mapper.js';
import { todayInLondon } from '../../common/iso-date.js';

/**
 * The demo's assessment cycle: this financial year (April to March), answered with the bundled
 * question bank, with the hierarchy read on 1 April. Created only when there is no cycle at all.
 */
export async function seedDemoCycle(
  dataSource: DataSource,
  today = todayInLondon(),
): Promise<CycleEntity | null> {
  const cycles = dataSource.getRepository(CycleEntity);
  if ((await cycles.count()) > 0) return null;
  const bundled = readBundledFrameworks().map((f) => f.document as FrameworkVersion);
  const organisation = bundled.find((f) => f.level === 'organisation')!;
  const system = bundled.find((f) => f.level === 'system')!;
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = month >= 4 ? year : year - 1;
  return cycles.save(
    cycles.create({
      name: financialYearName(start),
      organisationFrameworkId: organisation.frameworkId,
      organisationFrameworkVersion: organisation.version,
      systemFrameworkId: system.frameworkId,
      systemFrameworkVersion: system.version,
      opensOn: `${start}-04-01`,
      closesOn: `${start + 1}-03-31`,
      referenceDate: `${start}-04-01`,
      createdBy: null,
    }),
  );
}
