import type { TrustResults } from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';
import { Link, useParams, useSearchParams } from 'react-router';

import { LoadingMessage } from '../../../components/loading-message';
import { RenderLater } from '../../../components/render-later';
import { careSettingLabels, readableName } from '../../../lib/format';
import { organisationPath, returnPath } from '../../../lib/links';
import { useTrustResults } from '../api/results-api';
import { DomainLevels } from '../components/domain-levels';
import { MeasuresTable } from '../components/measures-table';
import { PeersTable } from '../components/peers-table';
import { ProgressOverYears } from '../components/progress-over-years';
import { ScoreChart } from '../components/score-chart';
import {
  CareSettingSelect,
  CycleSelect,
  ResultsFilters,
  useCareSettingParam,
  useResultCycle,
} from '../components/results-filters';
import { ResultsPageStart } from '../components/results-page-start';
import { isFirstLoad, ResultsRequestState, useResultsProblemPage } from '../components/results-problem';
import { fileSafe } from '../csv';

function OverallScores({ results }: { results: TrustResults }) {
  const comparable = results.comparableOverall;
  return (
    <>
      <p className="nhsuk-body-l nhsuk-u-margin-bottom-2">
        Overall score: <strong>{formatScore(results.scores?.overall ?? null)}</strong>
      </p>
      <p className="nhsuk-body-s">
        The mean of the seven measure scores
        {results.basis.source === 'published' ? ', worked out here from the published measure scores' : ''}.
      </p>
      {comparable ? (
        <p>
          Overall score, comparable domains only
          {results.basis.source === 'published' ? ' (published by NHS England)' : ''}: {results.cycle.name}{' '}
          {formatScore(comparable.current)}, {comparable.previousCycleName} {formatScore(comparable.previous)}
        </p>
      ) : null}
    </>
  );
}

function TrustResultsBody({ results, name }: { results: TrustResults; name: string }) {
  const setting = results.careSetting;
  const settingLabel = setting ? careSettingLabels[setting] : 'this care setting';
  if (!results.scores) {
    return (
      <>
        <h2>No results</h2>
        <p>No results for this care setting in this cycle.</p>
        {results.careSettings.length > 0 ? (
          <p>
            {name} has results for {results.cycle.name} in:{' '}
            {results.careSettings.map((item) => careSettingLabels[item]).join(', ')}. Choose one above.
          </p>
        ) : (
          <p>
            A cycle’s results come from the returns trusts submit once their board has approved them, or from
            NHS England’s published results once they are imported.
          </p>
        )}
      </>
    );
  }
  const icsName = results.ics ? readableName(results.ics.name) : 'the ICS';
  const filePrefix = `results-${results.organisation.odsCode}-${fileSafe(results.cycle.name)}-${setting ?? 'all'}`;
  return (
    <>
      <h2>
        {settingLabel} results for {results.cycle.name}
      </h2>
      <OverallScores results={results} />
      {/* Below the first screen: rendered just after the first paint, a part at a time. */}
      <RenderLater>
        <h2>Score in each success measure</h2>
        <ScoreChart results={results} name={name} />
        <MeasuresTable results={results} name={name} filePrefix={filePrefix} />
      </RenderLater>
      <RenderLater>
        <h2>Peers in {icsName}</h2>
        <PeersTable results={results} icsName={icsName} filePrefix={filePrefix} />
      </RenderLater>
      {results.domains ? (
        // A long table at the foot of the page: the browser lays it out as it comes into view.
        <section className="wgll-later" aria-labelledby="domain-levels-heading">
          <h2 id="domain-levels-heading">Domain levels in the submitted return</h2>
          {results.returnId ? (
            <p>
              <Link to={returnPath(results.returnId)}>Open the {settingLabel.toLowerCase()} return</Link>
            </p>
          ) : null}
          <RenderLater>
            <DomainLevels
              domains={results.domains}
              name={name}
              filePrefix={filePrefix}
              cycleName={results.cycle.name}
            />
          </RenderLater>
        </section>
      ) : null}
    </>
  );
}

/** /organisations/:code/results: a trust's scores against its ICS and England, and its peers. */
export function TrustResultsPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const [searchParams] = useSearchParams();
  const { cycles, items, chosen, figures } = useResultCycle();
  const careSetting = useCareSettingParam();
  const query = useTrustResults(code, figures, careSetting);
  const results = query.data;
  const name = results ? readableName(results.organisation.name) : code;
  const problemPage = useResultsProblemPage(query.error, name, {
    heading: 'Organisation not found',
    body: (
      <>
        <p>There is no organisation with the ODS code {code}, or it had no results in this cycle.</p>
        <p>
          <Link to="/organisations">Search the organisation directory</Link>
        </p>
      </>
    ),
  });
  if (problemPage) return problemPage;
  if (isFirstLoad(cycles, chosen, query)) return <LoadingMessage>Loading the results…</LoadingMessage>;

  return (
    <>
      <ResultsPageStart
        back={{ to: organisationPath(code), label: name }}
        name={name}
        cycles={cycles}
        demo={chosen?.demo}
      />
      {chosen && results ? (
        <ResultsFilters key={searchParams.toString()}>
          <CycleSelect cycles={items} chosen={chosen} />
          {results.careSettings.length > 0 ? (
            <CareSettingSelect settings={results.careSettings} value={careSetting ?? results.careSetting} />
          ) : null}
        </ResultsFilters>
      ) : null}
      <ResultsRequestState
        waiting={chosen !== undefined && query.isPending}
        error={query.error}
        refreshing={query.isPlaceholderData}
      />
      {results ? <TrustResultsBody results={results} name={name} /> : null}
      {results ? (
        <RenderLater>
          <ProgressOverYears code={code} careSetting={results.careSetting} name={name} />
        </RenderLater>
      ) : null}
    </>
  );
}
