import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CreateUserRequest,
  Role,
  RoleGrantRequest,
  UpdateUserRequest,
  UserListQuery,
  UserStatus,
} from '@wgll/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ODS_CODE, upperTrim } from '../../organisations/dto/organisation-queries.dto.js';
import { PageQuery } from '../../../common/page-query.js';
import { emailCase } from '../../../common/email.js';
import { OptionalNotNull, trim } from '../../../common/validation.js';

export const ROLES: Role[] = [
  'national-administrator',
  'regional-viewer',
  'ics-lead',
  'trust-lead',
  'trust-contributor',
  'board-approver',
];

export class RoleGrantDto implements RoleGrantRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    description: 'Region (Y56), ICB (QKK) or organisation (RJ1) ODS code; none for national-administrator',
  })
  @IsOptional()
  @Transform(upperTrim)
  @Matches(ODS_CODE, { message: 'scopeCode must be an ODS code such as Y56, QKK or RJ1' })
  scopeCode?: string;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'jo.bloggs@nhs.net' })
  @Transform(emailCase)
  @IsEmail({}, { message: 'email must be an email address, like name@nhs.net' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Jo Bloggs' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ type: [RoleGrantDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must contain at least one role' })
  @ArrayMaxSize(20)
  @IsObject({
    each: true,
    message: 'each role must be an object such as { "role": "trust-lead", "scopeCode": "RJ1" }',
  })
  @ValidateNested({ each: true })
  @Type(() => RoleGrantDto)
  roles: RoleGrantDto[];
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @Transform(trim)
  @IsString({ message: 'displayName must be text' })
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ['active', 'disabled'] })
  @OptionalNotNull()
  @IsIn(['active', 'disabled'], { message: 'status must be active or disabled' })
  status?: 'active' | 'disabled';
}

export class ListUsersQueryDto extends PageQuery implements UserListQuery {
  @ApiPropertyOptional({ description: 'Part of a name or email' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['invited', 'active', 'disabled'] })
  @IsOptional()
  @IsIn(['invited', 'active', 'disabled'], { message: 'status must be invited, active or disabled' })
  status?: UserStatus;
}

export class UserIdParamDto {
  @IsUUID('all', { message: 'id must be a user id' })
  id: string;
}

export class RoleGrantParamsDto extends UserIdParamDto {
  @IsUUID('all', { message: 'grantId must be a role id' })
  grantId: string;
}
