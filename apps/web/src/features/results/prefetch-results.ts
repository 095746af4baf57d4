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
import { chosenResultCycle } from './result-cycles';

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

/** `then` with the cycle the page shows and the cycle accepting returns today (for completion). */
function withCycle(
  queryClient: QueryClient,
  search: URLSearchParams,
  then: (cycle: ResultCycle, current: ResultCycle) => Promise<unknown>,
): void {
  void queryClient
    .ensureQueryData(resultCyclesQuery)
    .then(({ items }) => {
      const cycle = chosenResultCycle(items, search.get('cycle'));
      return cycle ? then(cycle, items.find((item) => item.current) ?? cycle) : undefined;
    })
    .catch(() => undefined);
}

const placeCode = (params: Readonly<Partial<Record<string, string>>>) => (params['code'] ?? '').toUpperCase();

export const prefetchTrustResults: ResultsPrefetch = (queryClient, params, search) =>
  withCycle(queryClient, search, (cycle) =>
    queryClient.prefetchQuery(trustResultsQuery(placeCode(params), cycle, careSettingParam(search))),
  );

export const prefetchIcsResults: ResultsPrefetch = (queryClient, params, search) =>
  withCycle(queryClient, search, (cycle, current) =>
    Promise.all([
      queryClient.prefetchQuery(icsResultsQuery(placeCode(params), cycle, careSettingParam(search))),
      queryClient.prefetchQuery(icsCompletionQuery(placeCode(params), current)),
    ]),
  );

export const prefetchRegionResults: ResultsPrefetch = (queryClient, params, search) => {
  const code = placeCode(params);
  void queryClient.prefetchQuery(regionQuery(code, undefined));
  withCycle(queryClient, search, (cycle, current) =>
    Promise.all([
      queryClient.prefetchQuery(
        areaResultsQuery(`/regions/${encodeURIComponent(code)}`, areaSearch(cycle, areaParams(search), true)),
      ),
      queryClient.prefetchQuery(regionCompletionQuery(code, current)),
    ]),
  );
};
