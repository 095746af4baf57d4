import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@wgll/contracts';

import { apiSend } from '../../../lib/api-client';

/** POST /api/auth/password: other sessions are signed out; this one stays signed in. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => apiSend('POST', '/auth/password', body),
  });
}
