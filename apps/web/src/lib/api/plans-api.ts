import { useQuery } from '@tanstack/react-query';
import type { IcsPlans, ImprovementPlan, RegionPlans } from '@wgll/contracts';

import { apiGet } from '../api-client';
import { returnPath } from '../links';
import { planKeys } from '../query-keys';

/**
 * Improvement plans (issue 17), read by several features: the plan pages, the return's approval page
 * and questionnaire (what the plan says is done), and the ICS and region pages.
 */

/** GET /api/returns/:id/plan: the return's plan (empty, version 0, until first saved). */
export function planQuery(returnId: string) {
  return {
    queryKey: planKeys.detail(returnId),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiGet<ImprovementPlan>(returnPath(returnId, 'plan'), {}, signal),
  };
}

export function usePlan(returnId: string, enabled = true) {
  return useQuery({
    ...planQuery(returnId),
    enabled,
    // Others change the plan too (owners update their actions): read it again when a page shows it.
    staleTime: 0,
  });
}

/** GET /api/ics/:code/plans: the member organisations' plans and the common gaps of a cycle. */
export function useIcsPlans(code: string, cycle: string | undefined) {
  return useQuery({
    queryKey: planKeys.ics(code, cycle),
    queryFn: ({ signal }) => apiGet<IcsPlans>(`/ics/${encodeURIComponent(code)}/plans`, { cycle }, signal),
  });
}

/** GET /api/regions/:code/plans: per ICS, and the organisations whose plans do not reach the threshold. */
export function useRegionPlans(code: string, cycle: string | undefined, threshold: string | undefined) {
  return useQuery({
    queryKey: planKeys.region(code, cycle, threshold),
    queryFn: ({ signal }) =>
      apiGet<RegionPlans>(`/regions/${encodeURIComponent(code)}/plans`, { cycle, threshold }, signal),
  });
}
