import type { AuditAction } from '@wgll/contracts';

/** What happened, in plain English. */
export const auditActionLabels: Record<AuditAction, string> = {
  'sign-in.succeeded': 'Signed in',
  'sign-in.failed': 'Failed to sign in',
  'sign-in.locked': 'Sign-in blocked after too many attempts',
  'sign-in.sso-succeeded': 'Signed in with single sign-on',
  'sign-in.sso-unknown': 'Single sign-on by someone without an account',
  'sign-in.sso-linked': 'Linked single sign-on to an account',
  'sign-out': 'Signed out',
  'session.refresh-reused': 'An old sign-in was reused, so all sessions were ended',
  'password.changed': 'Changed password',
  'invitation.created': 'Created an invitation link',
  'invitation.accepted': 'Accepted an invitation',
  'user.created': 'Added a user',
  'user.updated': 'Changed a user’s details',
  'user.disabled': 'Disabled an account',
  'user.enabled': 'Enabled an account',
  'role.granted': 'Gave a role',
  'role.revoked': 'Removed a role',
  'framework.uploaded': 'Uploaded a framework version',
  'cycle.created': 'Created an assessment cycle',
  'cycle.updated': 'Changed a cycle’s dates',
  'cycle.retired': 'Retired an assessment cycle',
  'framework.retired': 'Retired a framework version',
  'return.created': 'Started a return',
  'return.answer-saved': 'Changed an answer',
  'return.answer-confirmed': 'Confirmed a carried-forward answer',
  'return.assigned': 'Assigned work on a return',
  'return.unassigned': 'Removed an assignment',
  'return.evidence-added': 'Added evidence',
  'return.evidence-removed': 'Removed evidence',
  'return.marked-ready': 'Marked a return ready for board approval',
  'return.approved': 'Recorded the board’s approval',
  'return.declined': 'Sent a return back instead of approving it',
  'return.approval-withdrawn': 'Board approval withdrawn because the return changed',
  'return.submitted': 'Submitted and sealed a return',
  'return.reopened': 'Reopened a submitted return',
  'plan.targets-saved': 'Set the improvement plan’s targets',
  'plan.action-added': 'Added an action to an improvement plan',
  'plan.action-updated': 'Changed an action of an improvement plan',
  'plan.action-removed': 'Removed an action from an improvement plan',
  'plan.actions-merged': 'Merged actions of an improvement plan',
  'plan.carried-forward': 'Carried open actions forward from the previous cycle’s plan',
  'plan.approved': 'Recorded the board’s approval of an improvement plan',
  'import.uploaded': 'Imported a published data file',
  'import.matches-confirmed': 'Confirmed matches of names in a published data file',
  'import.applied': 'Applied a published data file’s results',
};

export const auditActions = Object.keys(auditActionLabels) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(auditActionLabels, value);
}
