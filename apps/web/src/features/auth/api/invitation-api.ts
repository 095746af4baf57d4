import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcceptInvitationRequest, InvitationInfo, SessionInfo } from '@wgll/contracts';

import { apiGet, apiSend } from '../../../lib/api-client';
import { startSession } from '../../../lib/api/session-api';
import { invitationKey } from '../../../lib/query-keys';

const invitationPath = (token: string) => `/auth/invitations/${encodeURIComponent(token)}`;

/** GET /api/auth/invitations/:token: who the invitation is for. */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: invitationKey(token),
    queryFn: ({ signal }) => apiGet<InvitationInfo>(invitationPath(token), {}, signal),
    staleTime: 0,
  });
}

/** POST /api/auth/invitations/:token: sets the password, activates the account and signs in. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInvitationRequest) => apiSend<SessionInfo>('POST', invitationPath(token), body),
    onSuccess: (session) => startSession(queryClient, session),
  });
}
