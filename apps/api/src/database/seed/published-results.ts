import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { FrameworkVersion } from '@wgll/framework';
import { type DataSource, IsNull } from 'typeorm';
import { CycleEntity } from '../../modules/cycles/cycle.entity.js';
import { readBundledFrameworks } from '../../modules/frameworks/bundled-frameworks.js';
import type { ImportsService } from '../../modules/imports/imports.service.js';

/** NHS England's DMA 2025 data file, shipped with the API (apps/api/data/dma). */
export const DMA_2025_FILE = resolve(
  import.meta.dirname,
  '../../../data/dma/NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx',
);

/** The cycle of the DMA 2025 round: collected from April 2025, the hierarchy read on 1 April 2025. */
export const DMA_2025_CYCLE = {
  name: '2025/26',
  opensOn: '2025-04-01',
  closesOn: '2026-03-31',
  referenceDate: '2025-04-01',
};

/**
 * Imports the published 2025 results into the 2025/26 cycle (created, closed, if missing) through
 * the import feature administrators use. Importing the same file again changes nothing.
 */
export async function seedPublishedResults(
  dataSource: DataSource,
  imports: ImportsService,
): Promise<{ cycle: string; created: boolean; state: string; providerRows: number; icbRows: number }> {
  const cycles = dataSource.getRepository(CycleEntity);
  let cycle =
    (await cycles.findOneBy({ name: DMA_2025_CYCLE.name, retiredAt: IsNull() })) ??
    (await cycles.findOneBy({ name: DMA_2025_CYCLE.name }));
  if (!cycle) {
    const bundled = readBundledFrameworks().map((f) => f.document as FrameworkVersion);
    const organisation = bundled.find((f) => f.level === 'organisation')!;
    const system = bundled.find((f) => f.level === 'system')!;
    cycle = await cycles.save(
      cycles.create({
        ...DMA_2025_CYCLE,
        organisationFrameworkId: organisation.frameworkId,
        organisationFrameworkVersion: organisation.version,
        systemFrameworkId: system.frameworkId,
        systemFrameworkVersion: system.version,
        createdBy: null,
      }),
    );
  }
  // An administrator retired it (created by mistake, or replaced): nothing to import into.
  if (cycle.retiredAt)
    return { cycle: cycle.name, created: false, state: 'retired', providerRows: 0, icbRows: 0 };
  const { created, detail } = await imports.upload(
    readFileSync(DMA_2025_FILE),
    basename(DMA_2025_FILE),
    cycle.id,
    null,
  );
  return {
    cycle: cycle.name,
    created,
    state: detail.state,
    providerRows: detail.providerRows,
    icbRows: detail.icbRows,
  };
}
