import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditAction, AuditListQuery } from '@wgll/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

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

export class AuditListQueryDto implements AuditListQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: 'action must be one of the audit actions listed in the API documentation' })
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'Events by or about this user (id)' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id' })
  userId?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(200)
  pageSize?: number;
}
