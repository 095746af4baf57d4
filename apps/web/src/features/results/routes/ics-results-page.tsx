import type { CareSetting, IcsResults, ResultCycle } from '@wgll/contracts';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';

import { LoadingMessage } from '../../../components/loading-message';
import { RenderLater } from '../../../components/render-later';
import { careSettingLabels, readableName } from '../../../lib/format';
import { icsDomainLevelsPath, icsPath } from '../../../lib/links';
import { useIcsResults } from '../api/results-api';
import { AreaProgressOverYears } from '../components/area-progress-over-years';
import { DistributionTable } from '../components/distribution-table';
import { HeatmapTable } from '../components/heatmap-table';
import { IcsCompletionSection } from '../components/ics-completion';
import { PrimaryCareSection } from '../components/primary-care-section';
import {
  CareSettingSelect,
  careSettingsFor,
  CycleSelect,
  ResultsFilters,
  useCareSettingParam,
  useResultCycle,
} from '../components/results-filters';
import { ResultsPageStart } from '../components/results-page-start';
import { isFirstLoad, ResultsRequestState, useResultsProblemPage } from '../components/results-problem';
import { fileSafe } from '../csv';

function IcsResultsBody({ results, icsName }: { results: IcsResults; icsName: string }) {
  const filePrefix = `results-${results.ics.odsCode}-${fileSafe(results.cycle.name)}-${results.careSetting ?? 'all'}`;
  const scope = results.careSetting ? careSettingLabels[results.careSetting] : 'all care settings';
  // Below the first screen: rendered just after the first paint, a part at a time.
  return (
    <>
      <RenderLater>
        <section aria-labelledby="heatmap-heading">
          <h2 id="heatmap-heading">Organisations side by side</h2>
          <p>
            Each organisation’s score in each success measure, {results.cycle.name}, {scope.toLowerCase()}.
            Compare organisations within the same care setting.
          </p>
          <HeatmapTable results={results} icsName={icsName} filePrefix={filePrefix} />
          <p>
            <Link to={icsDomainLevelsPath(results.ics.odsCode, results.cycle.id, results.careSetting)}>
              Domain levels and common gaps
            </Link>{' '}
            of the organisations’ sealed returns
          </p>
        </section>
      </RenderLater>
      <RenderLater>
        <section aria-labelledby="spread-heading">
          <h2 id="spread-heading">Spread per measure</h2>
          {results.spread.length === 0 ? <p>There are no provider results to summarise.</p> : null}
          {results.spread.map((item) => (
            <DistributionTable
              key={item.careSetting}
              caption={`Spread per measure: ${careSettingLabels[item.careSetting]} organisations in ${icsName}`}
              distributions={item.measures}
              basis={{ ...results.basis, careSetting: item.careSetting }}
              basisOptions={{
                aggregation:
                  'Lowest, quartiles (inclusive method), median and highest of the providers’ scores',
              }}
              tableName={`${careSettingLabels[item.careSetting].toLowerCase()} spread`}
              fileName={`results-${results.ics.odsCode}-${fileSafe(results.cycle.name)}-${item.careSetting}-spread`}
            />
          ))}
        </section>
      </RenderLater>
      <RenderLater>
        <PrimaryCareSection
          results={results}
          icsName={icsName}
          filePrefix={`results-${results.ics.odsCode}-${fileSafe(results.cycle.name)}`}
        />
      </RenderLater>
    </>
  );
}

interface IcsFiltersProps {
  cycles: ResultCycle[];
  chosen: ResultCycle;
  shown: IcsResults | undefined;
  careSetting: CareSetting | undefined;
}

/** Cycle and care setting; the care settings follow the cycle picked, before the form is sent. */
function IcsFilters({ cycles, chosen, shown, careSetting }: IcsFiltersProps) {
  const [picked, setPicked] = useState<ResultCycle>(chosen);
  // Kept when the cycle or care setting changes (the progress section's switch sets it).
  const boundaries = useSearchParams()[0].get('boundaries');
  return (
    <ResultsFilters>
      <CycleSelect cycles={cycles} chosen={chosen} onPick={setPicked} />
      <CareSettingSelect
        key={picked.id}
        settings={careSettingsFor(picked, shown)}
        value={careSetting}
        allLabel="All care settings"
      />
      {boundaries ? <input type="hidden" name="boundaries" value={boundaries} /> : null}
    </ResultsFilters>
  );
}

/**
 * /ics/:code/results: the ICS's organisations side by side, the spread per measure, the ICB's primary
 * care survey, and completion.
 */
export function IcsResultsPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const [searchParams] = useSearchParams();
  const { cycles, items, chosen, figures, current } = useResultCycle();
  const careSetting = useCareSettingParam();
  const query = useIcsResults(code, figures, careSetting);
  const results = query.data;
  const name = results ? readableName(results.ics.name) : code;
  const problemPage = useResultsProblemPage(query.error, name, {
    heading: 'ICS not found',
    body: (
      <>
        <p>There is no integrated care system with the ODS code {code} in this cycle.</p>
        <p>
          <Link to="/regions">Browse the ICSs by region</Link>
        </p>
      </>
    ),
  });
  if (problemPage) return problemPage;
  if (isFirstLoad(cycles, chosen, query)) return <LoadingMessage>Loading the results…</LoadingMessage>;

  return (
    <>
      <ResultsPageStart
        back={{ to: icsPath(code), label: name }}
        name={name}
        cycles={cycles}
        demo={chosen?.demo}
      />
      {chosen ? (
        <IcsFilters
          key={searchParams.toString()}
          cycles={items}
          chosen={chosen}
          shown={results}
          careSetting={careSetting}
        />
      ) : null}
      <ResultsRequestState
        waiting={chosen !== undefined && query.isPending}
        error={query.error}
        refreshing={query.isPlaceholderData}
      />
      {results ? <IcsResultsBody results={results} icsName={name} /> : null}
      {results ? (
        <RenderLater>
          <AreaProgressOverYears kind="ics" code={code} careSetting={careSetting ?? null} name={name} />
        </RenderLater>
      ) : null}
      {current && results ? (
        <RenderLater>
          <IcsCompletionSection code={code} cycle={current} icsName={name} />
        </RenderLater>
      ) : null}
    </>
  );
}
