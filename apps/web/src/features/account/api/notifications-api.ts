import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreferences, SaveNotificationPreferences, UnsubscribeInfo } from '@wgll/contracts';

import { apiGet, apiSend } from '../../../lib/api-client';
import { notificationKeys } from '../../../lib/query-keys';

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => apiGet<NotificationPreferences>('/notifications/preferences', {}, signal),
  });
}

export function useSaveNotificationPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveNotificationPreferences) =>
      apiSend<NotificationPreferences>('PUT', '/notifications/preferences', body),
    onSuccess: (saved) => client.setQueryData(notificationKeys.preferences(), saved),
  });
}

/** GET /api/notifications/unsubscribe: what an e-mail's unsubscribe link stops (no sign-in). */
export function useUnsubscribeInfo(token: string) {
  return useQuery({
    queryKey: notificationKeys.unsubscribe(token),
    queryFn: ({ signal }) => apiGet<UnsubscribeInfo>('/notifications/unsubscribe', { token }, signal),
    enabled: token !== '',
    retry: false,
  });
}

export function useUnsubscribe(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiSend<UnsubscribeInfo>('POST', `/notifications/unsubscribe?token=${encodeURIComponent(token)}`, {}),
    onSuccess: (info) => client.setQueryData(notificationKeys.unsubscribe(token), info),
  });
}
