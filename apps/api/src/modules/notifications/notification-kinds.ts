import type { NotificationKind } from '@wgll/contracts';

/** Every kind, in the order people see them on their preferences page, with its plain-English name. */
export const NOTIFICATION_KINDS: Record<NotificationKind, { label: string; optional: boolean }> = {
  invitation: { label: 'An invitation to set up your account', optional: false },
  assignment: { label: 'Work on a return is given to you', optional: true },
  'ready-for-approval': { label: 'A return is ready for board approval', optional: true },
  'approval-recorded': { label: 'The board approves a return', optional: true },
  'approval-withdrawn': { label: 'A change withdraws the board’s approval', optional: true },
  'return-declined': { label: 'The board sends a return back', optional: true },
  'return-sealed': { label: 'A return is submitted and sealed', optional: true },
  'return-reopened': { label: 'A submitted return is reopened', optional: true },
  'cycle-closing': { label: 'A cycle closes soon and your return is not yet submitted', optional: true },
  'action-due': { label: 'An action of an improvement plan you own is due in 3 days', optional: true },
  'action-overdue': { label: 'An action of an improvement plan you own is overdue', optional: true },
  'assignment-due': { label: 'Work given to you on a return is due in 3 days', optional: true },
  'assignment-overdue': { label: 'Work given to you on a return is overdue', optional: true },
  'cycle-opened': { label: 'An assessment cycle opens', optional: true },
  'weekly-digest': {
    label: 'A weekly summary, on Mondays, of how the returns in your area are going',
    optional: true,
  },
};

/** The kinds a person can turn e-mail off for (an invitation is the only way into an account). */
export const OPTIONAL_KINDS = (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).filter(
  (kind) => NOTIFICATION_KINDS[kind].optional,
);

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && Object.hasOwn(NOTIFICATION_KINDS, value);
}
