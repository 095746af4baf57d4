import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CurrentUser, SessionInfo, SignInRequest } from '@wgll/contracts';
import { useEffect } from 'react';

import { apiSend, fetchSession, onSessionChange, rememberSession } from '../api-client';
import { sessionKey } from '../query-keys';

/** The cached session. `endedByUser` marks a session the user has just signed out of. */
export type CachedSession = SessionInfo & { endedByUser?: boolean };

const sessionQuery = {
  queryKey: sessionKey,
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchSession(signal),
  // The session changes only when this app signs in or out, or a refresh fails.
  staleTime: Infinity,
};

/** GET /api/auth/session: who is signed in, the CSRF token and whether single sign-on is offered. */
export function useSession() {
  return useQuery<CachedSession>(sessionQuery);
}

/**
 * Asks for the session as the app starts, before the first render, so that the answer arrives while
 * the page's code loads rather than after.
 */
export function prefetchSession(queryClient: QueryClient): void {
  void queryClient.prefetchQuery<CachedSession>(sessionQuery);
}

/**
 * Resolves true once the session (asked for as the app starts) says someone is signed in, false
 * otherwise: for asking early for what a page needs, without asking on behalf of nobody.
 */
export function whenSignedIn(queryClient: QueryClient): Promise<boolean> {
  return queryClient.ensureQueryData<CachedSession>(sessionQuery).then(
    (session) => session.user !== null,
    () => false,
  );
}

/** The signed-in user, or null while signed out (or before the session has loaded). */
export function useCurrentUser(): CurrentUser | null {
  return useSession().data?.user ?? null;
}

/** Cached answers belong to the user who asked: drop them when someone else may be signed in. */
function forgetOtherQueries(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

/** Starts using a session the API has just begun (sign-in or accepting an invitation). */
export function startSession(queryClient: QueryClient, session: SessionInfo): void {
  rememberSession(session);
  forgetOtherQueries(queryClient);
  queryClient.setQueryData(sessionKey, session);
}

function endSession(queryClient: QueryClient): void {
  queryClient.setQueryData<CachedSession>(sessionKey, (old) =>
    old ? { ...old, user: null, endedByUser: true } : old,
  );
  forgetOtherQueries(queryClient);
  void queryClient.invalidateQueries({ queryKey: sessionKey });
}

/**
 * Keeps the cached session in step with what the API client learns by itself: a refreshed session,
 * or that the session has ended (the route guard then asks the user to sign in again). Use once.
 */
export function useSessionSync(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onSessionChange((session) => {
        if (session) queryClient.setQueryData(sessionKey, session);
        else queryClient.setQueryData<SessionInfo>(sessionKey, (old) => (old ? { ...old, user: null } : old));
      }),
    [queryClient],
  );
}

/** POST /api/auth/sign-in. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) => apiSend<SessionInfo>('POST', '/auth/sign-in', body),
    onSuccess: (session) => startSession(queryClient, session),
  });
}

/** The sign-in page's state after signing out: it says so, and does not send anyone straight on. */
export interface SignedOutState {
  signedOut: true;
}

export const signedOutState: SignedOutState = { signedOut: true };

/**
 * POST /api/auth/sign-out, then forget the user. The route guard then shows the sign-in page,
 * saying the user has signed out (rather than asking them to sign in to come back).
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/auth/sign-out'),
    onSettled: () => endSession(queryClient),
  });
}
