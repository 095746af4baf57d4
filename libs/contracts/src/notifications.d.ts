/** What a notification is about: each kind has its own e-mail preference and unsubscribe link. */
export type NotificationKind =
  | 'invitation'
  | 'assignment'
  | 'ready-for-approval'
  | 'approval-recorded'
  | 'approval-withdrawn'
  | 'return-declined'
  | 'return-sealed'
  | 'return-reopened'
  | 'cycle-closing'
  | 'action-due'
  | 'action-overdue'
  | 'assignment-due'
  | 'assignment-overdue'
  | 'cycle-opened'
  | 'weekly-digest';

/** An in-app notice: one per person per event. */
export interface Notice {
  id: string;
  kind: NotificationKind;
  subject: string;
  /** Plain-English summary (the e-mail's first paragraph). */
  summary: string;
  /** The page that needs action, a path in the web app (e.g. /returns/…/approval); null for none. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NoticeList {
  items: Notice[];
  unread: number;
}

export interface MarkNoticesRead {
  /** The notices to mark read; omitted: all of them. */
  ids?: string[];
}

export interface NotificationPreference {
  kind: NotificationKind;
  /** Plain-English name of the kind, e.g. "A return is ready for board approval". */
  label: string;
  email: boolean;
}

export interface NotificationPreferences {
  items: NotificationPreference[];
}

export interface SaveNotificationPreferences {
  items: { kind: NotificationKind; email: boolean }[];
}

/** What an unsubscribe link is for (shown before the one click). */
export interface UnsubscribeInfo {
  kind: NotificationKind;
  label: string;
  /** The address, partly hidden (j…@nhs.net). */
  email: string;
  subscribed: boolean;
}

export interface Unsubscribe {
  token: string;
}

/** queued: waiting to be sent (or retried); outbox: kept in the app, no mail service configured. */
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'outbox';

export interface EmailDelivery {
  id: string;
  kind: NotificationKind;
  to: string;
  subject: string;
  text: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  providerId: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

export interface EmailDeliveryList {
  items: EmailDelivery[];
  total: number;
  page: number;
  pageSize: number;
  /** How mail leaves: smtp, notify, or outbox (kept in the app). */
  transport: 'smtp' | 'notify' | 'outbox';
}

export interface EmailDeliveryQuery {
  status?: DeliveryStatus;
  page?: number;
  pageSize?: number;
}
