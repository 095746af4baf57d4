import type { QueryClient } from '@tanstack/react-query';
import type { ResultCycle } from '@wgll/contracts';

import { regionQuery } from '../../lib/api/regions-api';
import {
  areaResultsQuery,
  icsCompletionQuery,
  icsResultsQuery,
  regionCompletionQuery,
  resultCyclesQuery,
  trustResultsQuery,
} from './api/results-api';
import { areaParams, areaSearch, careSettingParam } from './area-search';
import { chosenResultCycle, figuresCycle } from './result-cycles';

/**
 * Asking early for a results page's figures: as the app starts, in parallel with the page's code,
 * rather than once the page has rendered. The queries are the pages' own (same keys), so the pages
 * find the answers, or the requests under way, in the cache. Each returns at once; a failure is left
 * for the page to report when it asks again.
 */
export type ResultsPrefetch = (
  queryClient: QueryClient,
  params: Readonly<Partial<Record<string, string>>>,
  search: URLSearchParams,
) => void;

/**
 * `then` with the cycle to ask the figures for (see figuresCycle): at once when the address names no
 * cycle, so the figures are asked for beside the cycle list rather than after it.
 */
function withFiguresCycle(
  queryClient: QueryClient,
  search: URLSearchParams,
  then: (cycle: ResultCycle | null) => Promise<unknown>,
): void {
  const requested = search.get('cycle');
  // The page needs the list in any case (its cycle picker).
  const cycles = queryClient.ensureQueryData(resultCyclesQuery);
  const cycle =
    requested === null ? Promise.resolve(null) : cycles.then(({ items }) => figuresCycle(items, requested));
  void cycle.then((chosen) => (chosen === undefined ? undefined : then(chosen))).catch(() => undefined);
  void cycles.catch(() => undefined);
}

/** `then` with the cycle accepting returns today, else the cycle shown (for completion). */
function withCurrentCycle(
  queryClient: QueryClient,
  search: URLSearchParams,
  then: (current: ResultCycle) => Promise<unknown>,
): void {
  void queryClient
    .ensureQueryData(resultCyclesQuery)
    .then(({ items }) => {
      const current = items.find((item) => item.current) ?? chosenResultCycle(items, search.get('cycle'));
      return current ? then(current) : undefined;
    })
    .catch(() => undefined);
}

const placeCode = (params: Readonly<Partial<Record<string, string>>>) => (params['code'] ?? '').toUpperCase();

export const prefetchTrustResults: ResultsPrefetch = (queryClient, params, search) =>
  withFiguresCycle(queryClient, search, (cycle) =>
    queryClient.prefetchQuery(trustResultsQuery(placeCode(params), cycle, careSettingParam(search))),
  );

export const prefetchIcsResults: ResultsPrefetch = (queryClient, params, search) => {
  const code = placeCode(params);
  withFiguresCycle(queryClient, search, (cycle) =>
    queryClient.prefetchQuery(icsResultsQuery(code, cycle, careSettingParam(search))),
  );
  withCurrentCycle(queryClient, search, (current) =>
    queryClient.prefetchQuery(icsCompletionQuery(code, current)),
  );
};

export const prefetchRegionResults: ResultsPrefetch = (queryClient, params, search) => {
  const code = placeCode(params);
  void queryClient.prefetchQuery(regionQuery(code, undefined));
  withFiguresCycle(queryClient, search, (cycle) =>
    queryClient.prefetchQuery(
      areaResultsQuery(`/regions/${encodeURIComponent(code)}`, areaSearch(cycle, areaParams(search), true)),
    ),
  );
  withCurrentCycle(queryClient, search, (current) =>
    queryClient.prefetchQuery(regionCompletionQuery(code, current)),
  );
};
