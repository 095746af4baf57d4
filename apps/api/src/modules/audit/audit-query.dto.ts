import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditAction, AuditListQuery } from '@wgll/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/page-query.js';

export const AUDIT_ACTIONS: AuditAction[] = [
  'sign-in.succeeded',
  'sign-in.failed',
  'sign-in.locked',
  'sign-in.sso-succeeded',
  'sign-in.sso-unknown',
  'sign-in.sso-linked',
  'sign-out',
  'session.refresh-reused',
  'password.changed',
  'invitation.created',
  'invitation.accepted',
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'role.granted',
  'role.revoked',
  'framework.uploaded',
];

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
