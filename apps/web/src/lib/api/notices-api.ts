import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { NoticeList } from '@wgll/contracts';

import { apiGet, apiSend } from '../api-client';
import { notificationKeys } from '../query-keys';

/* A person's notices: the header's unread count, the home page and Your account → Notifications. */

const noticesQuery = {
  queryKey: notificationKeys.notices(),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<NoticeList>('/notifications', {}, signal),
};

/**
 * GET /api/notifications: my recent notices (asked for only when `enabled`: signed in). Asked for
 * again each time a page using them opens, unless `staleTime` (ms) says the answer held is recent
 * enough (the header's count: the pages that list the notices ask again).
 */
export function useNotices(enabled = true, staleTime = 0) {
  return useQuery({ ...noticesQuery, staleTime, enabled });
}

/**
 * Asks for my notices as the app starts (the page's `Link` header has already asked for them), so the
 * header is first drawn with its unread count rather than growing a line when the count arrives.
 * Settles, whatever the answer, once it is known.
 */
export function prefetchNotices(queryClient: QueryClient): Promise<void> {
  return queryClient.prefetchQuery(noticesQuery);
}

/** POST /api/notifications/read: all of them when no ids are given. */
export function useMarkNoticesRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => apiSend<NoticeList>('POST', '/notifications/read', ids ? { ids } : {}),
    onSuccess: (list) => client.setQueryData(notificationKeys.notices(), list),
  });
}
