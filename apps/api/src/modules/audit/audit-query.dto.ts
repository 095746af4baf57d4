import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditAction, AuditListQuery } from '@wgll/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/page-query.js';

/** Every audit action; a Record so that adding one to the contract without listing it here fails to compile. */
const ACTION_SET: Record<AuditAction, true> = {
  'sign-in.succeeded': true,
  'sign-in.failed': true,
  'sign-in.locked': true,
  'sign-in.sso-succeeded': true,
  'sign-in.sso-unknown': true,
  'sign-in.sso-linked': true,
  'sign-out': true,
  'session.refresh-reused': true,
  'password.changed': true,
  'invitation.created': true,
  'invitation.accepted': true,
  'user.created': true,
  'user.updated': true,
  'user.disabled': true,
  'user.enabled': true,
  'role.granted': true,
  'role.revoked': true,
  'framework.uploaded': true,
  'cycle.created': true,
  'cycle.updated': true,
  'cycle.retired': true,
  'target.created': true,
  'target.updated': true,
  'target.retired': true,
  'framework.retired': true,
  'return.created': true,
  'return.answer-saved': true,
  'return.answer-confirmed': true,
  'return.assigned': true,
  'return.unassigned': true,
  'return.evidence-added': true,
  'return.evidence-removed': true,
  'return.marked-ready': true,
  'return.approved': true,
  'return.approval-withdrawn': true,
  'return.declined': true,
  'return.submitted': true,
  'return.reopened': true,
  'plan.targets-saved': true,
  'plan.action-added': true,
  'plan.action-updated': true,
  'plan.action-removed': true,
  'plan.actions-merged': true,
  'plan.carried-forward': true,
  'plan.approved': true,
  'peer-sharing.updated': true,
  'import.uploaded': true,
  'import.matches-confirmed': true,
  'import.applied': true,
};
export const AUDIT_ACTIONS = Object.keys(ACTION_SET) as AuditAction[];

export class AuditListQueryDto extends PageQuery implements AuditListQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: 'action must be one of the audit actions listed in the API documentation' })
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'Events by or about this user (id)' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id' })
  userId?: string;
}
