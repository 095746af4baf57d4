import type { CareSetting, ResultCycle } from '@wgll/contracts';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

import { LoadingMessage } from '../../../components/loading-message';
import { useAreaResults } from '../api/results-api';
import { areaParams, areaSearch } from '../area-search';
import { AreaFilters } from './area-filters';
import { AreaResultsView } from './area-results-view';
import { useResultCycle } from './results-filters';
import { ResultsPageStart } from './results-page-start';
import { isFirstLoad, ResultsRequestState, useResultsProblemPage } from './results-problem';

interface AreaResultsLayoutProps {
  /** The API path of the area: `/regions/Y56` or `/national`. */
  apiPath: string;
  /** The area's name while it loads, and when it is not found. */
  fallbackName: string;
  back: { to: string; label: string };
  groupLabel: string;
  /** Where a group's results are, for the same cycle and care setting. */
  groupPath: (code: string, cycleId: string, careSetting: CareSetting | null) => string;
  icbLabel: string;
  /** Regions pass the cycle's reference date, which places the ICSs in the hierarchy of that cycle. */
  withAt: boolean;
  notFound: ReactNode;
  /** Shown after the results, for example completion of the current cycle. */
  after?: (cycle: ResultCycle) => ReactNode;
  /** Shown after the filters: what the chosen cycle's figures are based on. */
  note?: (cycle: ResultCycle) => ReactNode;
}

/** The region and England results pages: filters, then the area's tables. */
export function AreaResultsLayout({
  apiPath,
  fallbackName,
  back,
  groupLabel,
  groupPath,
  icbLabel,
  withAt,
  notFound,
  after,
  note,
}: AreaResultsLayoutProps) {
  const [searchParams] = useSearchParams();
  const { cycles, items, chosen, figures, current } = useResultCycle();
  const params = areaParams(searchParams);
  const query = useAreaResults(apiPath, areaSearch(figures, params, withAt));
  const results = query.data;
  const name = results ? (results.area.type === 'national' ? 'England' : results.area.name) : fallbackName;
  const problemPage = useResultsProblemPage(query.error, name, { heading: 'Not found', body: notFound });
  if (problemPage) return problemPage;
  if (isFirstLoad(cycles, chosen, query)) return <LoadingMessage>Loading the results…</LoadingMessage>;

  return (
    <>
      <ResultsPageStart back={back} name={name} cycles={cycles} demo={chosen?.demo} />
      {chosen ? (
        <AreaFilters
          key={searchParams.toString()}
          cycles={items}
          chosen={chosen}
          basis={params.basis}
          careSetting={params.careSetting ?? results?.careSetting}
          shown={results}
          threshold={params.threshold}
          icbLabel={icbLabel}
        />
      ) : null}
      {chosen && note ? note(chosen) : null}
      <ResultsRequestState
        waiting={chosen !== undefined && query.isPending}
        error={query.error}
        refreshing={query.isPlaceholderData}
      />
      {results ? (
        <AreaResultsView
          results={results}
          groupLabel={groupLabel}
          groupPath={(code) => groupPath(code, results.cycle.id, results.careSetting)}
        />
      ) : null}
      {current && after ? after(current) : null}
    </>
  );
}
