import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoticeList } from '@wgll/contracts';

import { apiGet, apiSend } from '../api-client';
import { notificationKeys } from '../query-keys';

/* A person's notices: the header's unread count, the home page and Your account → Notifications. */

/** GET /api/notifications: my recent notices (asked for only when `enabled`: signed in). */
export function useNotices(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.notices(),
    queryFn: ({ signal }) => apiGet<NoticeList>('/notifications', {}, signal),
    staleTime: 0,
    enabled,
  });
}

/** POST /api/notifications/read: all of them when no ids are given. */
export function useMarkNoticesRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => apiSend<NoticeList>('POST', '/notifications/read', ids ? { ids } : {}),
    onSuccess: (list) => client.setQueryData(notificationKeys.notices(), list),
  });
}
