import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateActionRequest,
  PeerLearning,
  PeerSharing,
  PlanAction,
  SavePeerSharingRequest,
} from '@wgll/contracts';

import { apiGet, apiSend } from '../../../lib/api-client';
import { planPath, returnPath, sharingPath } from '../../../lib/links';
import { planKeys, returnKeys } from '../../../lib/query-keys';

const peerKeys = {
  all: ['peer-learning'] as const,
  peers: (returnId: string, domainId: string) => [...peerKeys.all, 'peers', returnId, domainId] as const,
  sharing: (code: string) => [...peerKeys.all, 'sharing', code] as const,
};

/** GET /api/returns/:id/peers?domain=: who meets what the trust lacks in a domain. */
export function usePeers(returnId: string, domainId: string) {
  return useQuery({
    queryKey: peerKeys.peers(returnId, domainId),
    enabled: domainId !== '',
    queryFn: ({ signal }) =>
      apiGet<PeerLearning>(returnPath(returnId, 'peers'), { domain: domainId }, signal),
  });
}

/** GET /api/organisations/:code/sharing */
export function usePeerSharing(code: string) {
  return useQuery({
    queryKey: peerKeys.sharing(code),
    queryFn: ({ signal }) => apiGet<PeerSharing>(sharingPath(code), {}, signal),
    staleTime: 0,
  });
}

/** PUT /api/organisations/:code/sharing (trust lead). */
export function useSavePeerSharing(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SavePeerSharingRequest) => apiSend<PeerSharing>('PUT', sharingPath(code), body),
    onSuccess: (saved) => {
      queryClient.setQueryData(peerKeys.sharing(code), saved);
      void queryClient.invalidateQueries({ queryKey: peerKeys.all, refetchType: 'none' });
    },
  });
}

/** POST /api/returns/:id/plan/actions: a peer's element added to the plan, through the plan's own route. */
export function useAddPeerAction(returnId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActionRequest) =>
      apiSend<PlanAction>('POST', planPath(returnId, 'actions'), body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      void queryClient.invalidateQueries({ queryKey: returnKeys.all, refetchType: 'none' });
    },
  });
}
