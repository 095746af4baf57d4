import { type Query, type QueryKey, useQuery } from '@tanstack/react-query';
import type {
  AreaBasis,
  AreaResults,
  CareSetting,
  IcsCompletion,
  IcsResults,
  AreaTrends,
  NationalTrends,
  TrendBoundaries,
  RegionCompletion,
  ResultCycle,
  ResultCycleList,
  TrustResults,
  TrustTrends,
} from '@wgll/contracts';

import { apiGet } from '../../../lib/api-client';
import { resultKeys } from '../../../lib/query-keys';
import type { FiguresCycle } from '../result-cycles';

/**
 * While another cycle, care setting or threshold loads, the page keeps showing what it had (marked
 * as refreshing); never across places, so another trust, ICS or region never shows the last one's
 * figures under its own name. The keys above start with the kind of place and its code or path.
 */
function keepPreviousForSamePlace(key: QueryKey) {
  return <T>(previous: T | undefined, previousQuery: Query<T, Error, T, QueryKey> | undefined) =>
    previousQuery?.queryKey[1] === key[1] && previousQuery?.queryKey[2] === key[2] ? previous : undefined;
}

/** A figures key's cycle: its id, `default` for the cycle the API chooses, null while unknown. */
const cycleKey = (cycle: FiguresCycle) => (cycle === undefined ? null : (cycle?.id ?? 'default'));

/** GET /api/results/cycles: every cycle, newest first, with where its results come from. */
export const resultCyclesQuery = {
  queryKey: resultKeys.cycles(),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<ResultCycleList>('/results/cycles', {}, signal),
};

export function useResultCycles() {
  return useQuery(resultCyclesQuery);
}

/**
 * GET /api/organisations/:code/results, read at the cycle's reference date (`cycle` null: the cycle
 * shown first, on its reference date, chosen by the API).
 */
export function trustResultsQuery(code: string, cycle: FiguresCycle, careSetting?: CareSetting) {
  return {
    queryKey: resultKeys.trust(code, cycleKey(cycle), careSetting),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiGet<TrustResults>(
        `/organisations/${encodeURIComponent(code)}/results`,
        { cycle: cycle?.id, careSetting, at: cycle?.referenceDate },
        signal,
      ),
  };
}

export function useTrustResults(code: string, cycle: FiguresCycle, careSetting?: CareSetting) {
  const query = trustResultsQuery(code, cycle, careSetting);
  return useQuery({
    queryKey: query.queryKey,
    queryFn: query.queryFn,
    enabled: cycle !== undefined,
    placeholderData: keepPreviousForSamePlace(query.queryKey),
  });
}

/** GET /api/ics/:code/results: every organisation of the ICS side by side (one care setting or all). */
export function icsResultsQuery(code: string, cycle: FiguresCycle, careSetting?: CareSetting) {
  return {
    queryKey: resultKeys.ics(code, cycleKey(cycle), careSetting),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiGet<IcsResults>(
        `/ics/${encodeURIComponent(code)}/results`,
        { cycle: cycle?.id, careSetting, at: cycle?.referenceDate },
        signal,
      ),
  };
}

export function useIcsResults(code: string, cycle: FiguresCycle, careSetting?: CareSetting) {
  const query = icsResultsQuery(code, cycle, careSetting);
  return useQuery({
    queryKey: query.queryKey,
    queryFn: query.queryFn,
    enabled: cycle !== undefined,
    placeholderData: keepPreviousForSamePlace(query.queryKey),
  });
}

/** GET /api/ics/:code/completion: the state of each return of a cycle. */
export function icsCompletionQuery(code: string, cycle: ResultCycle | undefined) {
  return {
    queryKey: resultKeys.icsCompletion(code, cycle?.id ?? ''),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiGet<IcsCompletion>(
        `/ics/${encodeURIComponent(code)}/completion`,
        { cycle: cycle?.id, at: cycle?.referenceDate },
        signal,
      ),
  };
}

export function useIcsCompletion(code: string, cycle: ResultCycle | undefined) {
  return useQuery({ ...icsCompletionQuery(code, cycle), enabled: cycle !== undefined });
}

export interface AreaSearch {
  /** Left out for the cycle shown first, which the API chooses. */
  cycle: string | undefined;
  basis: AreaBasis;
  careSetting: CareSetting | undefined;
  threshold: number;
  /** The cycle's reference date; left out for England. */
  at: string | undefined;
}

/**
 * GET /api/regions/:code/results (path `/regions/Y56`) or GET /api/national/results (path
 * `/national`): the area's groups side by side.
 */
export function areaResultsQuery(path: string, search: AreaSearch | undefined) {
  return {
    queryKey: resultKeys.area(path, search ?? null),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiGet<AreaResults>(
        `${path}/results`,
        {
          cycle: search?.cycle,
          basis: search?.basis,
          careSetting: search?.basis === 'providers' ? search.careSetting : undefined,
          threshold: search?.threshold,
          at: search?.at,
        },
        signal,
      ),
  };
}

export function useAreaResults(path: string, search: AreaSearch | undefined) {
  const query = areaResultsQuery(path, search);
  return useQuery({
    queryKey: query.queryKey,
    queryFn: query.queryFn,
    enabled: search !== undefined,
    placeholderData: keepPreviousForSamePlace(query.queryKey),
  });
}

/** GET /api/regions/:code/completion: how far each ICS's returns have got in a cycle. */
export function regionCompletionQuery(code: string, cycle: ResultCycle | undefined) {
  return {
    queryKey: resultKeys.regionCompletion(code, cycle?.id ?? ''),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiGet<RegionCompletion>(
        `/regions/${encodeURIComponent(code)}/completion`,
        { cycle: cycle?.id, at: cycle?.referenceDate },
        signal,
      ),
  };
}

export function useRegionCompletion(code: string, cycle: ResultCycle | undefined) {
  return useQuery({ ...regionCompletionQuery(code, cycle), enabled: cycle !== undefined });
}

/** GET /api/organisations/:code/trends: a trust's progress over the years, one care setting. */
export function useTrustTrends(code: string, careSetting: CareSetting | null) {
  return useQuery({
    queryKey: resultKeys.trustTrends(code, careSetting),
    queryFn: ({ signal }) =>
      apiGet<TrustTrends>(
        `/organisations/${encodeURIComponent(code)}/trends`,
        { careSetting: careSetting ?? undefined },
        signal,
      ),
  });
}

/** GET /api/ics/:code/trends or /api/regions/:code/trends: an area's medians over the years. */
export function useAreaTrends(
  kind: 'ics' | 'regions',
  code: string,
  careSetting: CareSetting | null,
  boundaries: TrendBoundaries,
) {
  return useQuery({
    queryKey: resultKeys.areaTrends(kind, code, careSetting, boundaries),
    queryFn: ({ signal }) =>
      apiGet<AreaTrends>(
        `/${kind}/${encodeURIComponent(code)}/trends`,
        { careSetting: careSetting ?? undefined, boundaries: kind === 'ics' ? boundaries : undefined },
        signal,
      ),
  });
}

/** GET /api/national/trends: England's median per measure per cycle, one care setting. */
export function useNationalTrends(careSetting: CareSetting | null) {
  return useQuery({
    queryKey: resultKeys.nationalTrends(careSetting ?? 'acute'),
    queryFn: ({ signal }) =>
      apiGet<NationalTrends>('/national/trends', { careSetting: careSetting ?? 'acute' }, signal),
    enabled: careSetting !== null,
  });
}
