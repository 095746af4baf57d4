import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailDelivery, EmailDeliveryList, EmailDeliveryQuery } from '@wgll/contracts';

import { apiGet, apiSend } from '../../../lib/api-client';
import { notificationKeys } from '../../../lib/query-keys';

/** GET /api/notifications/deliveries: e-mails, newest first (national administrators). */
export function useDeliveries(query: EmailDeliveryQuery) {
  return useQuery({
    queryKey: notificationKeys.deliveries(query),
    queryFn: ({ signal }) => apiGet<EmailDeliveryList>('/notifications/deliveries', { ...query }, signal),
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}

/** POST /api/notifications/deliveries/:id/retry: send a failed e-mail again. */
export function useRetryDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend<EmailDelivery>('POST', `/notifications/deliveries/${id}/retry`),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
