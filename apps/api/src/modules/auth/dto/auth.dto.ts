import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AcceptInvitationRequest, ChangePasswordRequest, SignInRequest } from '@wgll/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { emailCase } from '../../../common/email.js';

const PASSWORD_RULES = 'be 12 to 128 characters long';

export class SignInDto implements SignInRequest {
  @ApiProperty({ example: 'trust-lead@demo.wgll.example' })
  @Transform(emailCase)
  @IsString({ message: 'email must be text' })
  @MinLength(1, { message: 'Enter your email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString({ message: 'password must be text' })
  @MinLength(1, { message: 'Enter your password' })
  @MaxLength(1024)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'Enter your current password' })
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString()
  @MinLength(12, { message: `newPassword must ${PASSWORD_RULES}` })
  @MaxLength(128, { message: `newPassword must ${PASSWORD_RULES}` })
  newPassword: string;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString()
  @MinLength(12, { message: `password must ${PASSWORD_RULES}` })
  @MaxLength(128, { message: `password must ${PASSWORD_RULES}` })
  password: string;
}

export class InvitationTokenParamDto {
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token must be the code from an invitation link' })
  token: string;
}

export class OidcStartQueryDto {
  @ApiPropertyOptional({
    description: 'Where to go after signing in: a path on this site',
    example: '/account',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  returnTo?: string;
}

/**
 * Only a path on this site: "/x", never "//host", "/\\host" or "https://host", and no control
 * characters (browsers drop tabs and newlines, so "/\t/host" would leave the site; CR/LF cannot go
 * in a Location header).
 */
export function safeReturnTo(value: string | undefined): string {
  const controlCharacter = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;
  return value && /^\/(?![/\\])/.test(value) && ![...value].some(controlCharacter) ? value : '/';
}
