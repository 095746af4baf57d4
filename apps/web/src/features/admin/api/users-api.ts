import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateUserRequest,
  CreateUserResult,
  InvitationLink,
  RoleGrantRequest,
  UpdateUserRequest,
  UserList,
  UserListQuery,
  UserSummary,
} from '@wgll/contracts';

import { apiGet, apiSend } from '../../../lib/api-client';
import { invalidateAfterInvitation, showUser } from '../../../lib/query-cache';
import { userKeys } from '../../../lib/query-keys';

const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

/** GET /api/users: one page of users, optionally searched and filtered by status. */
export function useUserList(query: UserListQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => apiGet<UserList>('/users', { ...query }, signal),
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}

/** GET /api/users/:id */
export function useUser(id: string) {
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => apiGet<UserSummary>(userPath(id), {}, signal),
    staleTime: 0,
  });
}

/** POST /api/users: creates the account and its first invitation link. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => apiSend<CreateUserResult>('POST', '/users', body),
    onSuccess: (result) => showUser(queryClient, result.user),
  });
}

/** PATCH /api/users/:id: the name, or disabling and enabling the account. */
export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserRequest) => apiSend<UserSummary>('PATCH', userPath(id), body),
    onSuccess: (user) => showUser(queryClient, user),
  });
}

/** POST /api/users/:id/roles */
export function useGrantRole(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoleGrantRequest) => apiSend<UserSummary>('POST', `${userPath(id)}/roles`, body),
    onSuccess: (user) => showUser(queryClient, user),
  });
}

/** DELETE /api/users/:id/roles/:grantId */
export function useRevokeRole(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) =>
      apiSend<UserSummary>('DELETE', `${userPath(id)}/roles/${encodeURIComponent(grantId)}`),
    onSuccess: (user) => showUser(queryClient, user),
  });
}

/** POST /api/users/:id/invitation: a new link; any earlier link stops working. */
export function useCreateInvitation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<InvitationLink>('POST', `${userPath(id)}/invitation`),
    onSuccess: () => invalidateAfterInvitation(queryClient, id),
  });
}
