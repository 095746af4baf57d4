import type { AreaResults } from '@wgll/contracts';

import { RenderLater } from '../../../components/render-later';
import { careSettingLabels } from '../../../lib/format';
import { fileSafe } from '../csv';
import { AreaGroupsTable, BelowThresholdTable, type AreaTableProps } from './area-groups-table';
import { DistributionTable } from './distribution-table';
import { MovementTable } from './movement-table';

interface AreaResultsViewProps {
  results: AreaResults;
  /** "ICS" in a region, "Region" in England. */
  groupLabel: string;
  groupPath: (code: string) => string;
}

/** A region's ICSs, or England's regions, side by side: medians, spread, share below a threshold, movement. */
export function AreaResultsView({ results, groupLabel, groupPath }: AreaResultsViewProps) {
  const areaName = results.area.type === 'national' ? 'England' : results.area.name;
  const scope =
    results.basis === 'icb'
      ? 'ICBs’ own returns (system level)'
      : `${results.careSetting ? careSettingLabels[results.careSetting] : 'All care settings'} providers`;
  const filePrefix = [
    'results',
    results.area.code ?? 'england',
    fileSafe(results.cycle.name),
    results.basis === 'icb' ? 'icb' : (results.careSetting ?? 'all'),
  ].join('-');
  const props: AreaTableProps = { results, groupLabel, groupPath, filePrefix, scope };
  const groupsHeading = results.area.type === 'national' ? 'Regions side by side' : 'ICSs side by side';

  // Below the first screen: rendered just after the first paint, a part at a time.
  return (
    <>
      <RenderLater>
        <section aria-labelledby="groups-heading">
          <h2 id="groups-heading">{groupsHeading}</h2>
          <AreaGroupsTable {...props} />
        </section>
      </RenderLater>
      <RenderLater>
        <section aria-labelledby="distribution-heading">
          <h2 id="distribution-heading">Spread per measure in {areaName}</h2>
          <DistributionTable
            caption={`Spread per measure: ${scope.toLowerCase()} in ${areaName}`}
            distributions={results.distribution}
            basis={results.figureBasis}
            basisOptions={{ scope }}
            tableName="spread"
            fileName={`${filePrefix}-spread`}
          />
        </section>
      </RenderLater>
      <RenderLater>
        <section aria-labelledby="below-heading">
          <h2 id="below-heading">Scoring below {results.threshold}</h2>
          <BelowThresholdTable {...props} />
        </section>
      </RenderLater>
      <RenderLater>
        <section aria-labelledby="movement-heading">
          <h2 id="movement-heading">Movement since last year</h2>
          <MovementTable {...props} />
        </section>
      </RenderLater>
    </>
  );
}
