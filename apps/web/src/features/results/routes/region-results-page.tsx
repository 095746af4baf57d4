import { Link, useParams, useSearchParams } from 'react-router';

import { RenderLater } from '../../../components/render-later';
import { useRegion } from '../../../lib/api/regions-api';
import { icsResultsPath, regionPath, regionTargetsPath, regionWatchListsPath } from '../../../lib/links';
import { AreaProgressOverYears } from '../components/area-progress-over-years';
import { AreaResultsLayout } from '../components/area-results-layout';
import { IcsYearsNote } from '../components/ics-years-note';
import { RegionCompletionSection } from '../components/region-completion';
import { useCareSettingParam } from '../components/results-filters';

/** /regions/:code/results: the region's ICSs side by side, movement, and completion this cycle. */
export function RegionResultsPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const region = useRegion(code, undefined);
  const name = region.data?.name ?? `Region ${code}`;
  const careSetting = useCareSettingParam();
  const threshold = useSearchParams()[0].get('threshold') ?? undefined;
  return (
    <AreaResultsLayout
      apiPath={`/regions/${encodeURIComponent(code)}`}
      fallbackName={name}
      back={{ to: regionPath(code), label: name }}
      groupLabel="ICS"
      groupPath={(ics, cycleId, setting) => icsResultsPath(ics, cycleId, setting, threshold)}
      icbLabel="ICB’s own returns"
      withAt
      notFound={
        <>
          <p>There is no NHS England region with the ODS code {code}.</p>
          <p>
            <Link to="/regions">See the 7 NHS England regions</Link>
          </p>
        </>
      }
      note={(cycle) => (
        <>
          <IcsYearsNote cycle={cycle} />
          <p>
            <Link to={regionWatchListsPath(code, cycle.id, careSetting, threshold)}>
              Organisations below the threshold and declining
            </Link>
            , named, per measure
          </p>
          <p>
            <Link to={regionTargetsPath(code)}>National targets</Link>: how many of the region’s organisations
            meet each target, and which are not there yet
          </p>
        </>
      )}
      after={(cycle) => (
        <>
          <RenderLater>
            <AreaProgressOverYears kind="regions" code={code} careSetting={careSetting ?? null} name={name} />
          </RenderLater>
          <RenderLater>
            <RegionCompletionSection code={code} cycle={cycle} />
          </RenderLater>
        </>
      )}
    />
  );
}
