import type { Grant } from './policy.js';

/** The signed-in user, as the JWT strategy loads it for each request (roles read fresh). */
export interface Principal {
  id: string;
  email: string;
  displayName: string;
  sessionId: string;
  method: 'password' | 'sso' | 'invitation';
  grants: Grant[];
}

/** Where a request came from, for the audit log. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}
