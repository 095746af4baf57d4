import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { InvitationInfo, SessionInfo } from '@wgll/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiException } from '../../common/api-exception.js';
import { CurrentUser, Origin, Public, SignedIn } from '../access/access.decorators.js';
import type { Principal, RequestOrigin } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { InvitationsService } from '../users/invitations.service.js';
import { AuthService } from './auth.service.js';
import {
  AcceptInvitationDto,
  ChangePasswordDto,
  InvitationTokenParamDto,
  OidcStartQueryDto,
  safeReturnTo,
  SignInDto,
} from './dto/auth.dto.js';
import { IpLimiter } from './ip-limiter.js';
import { KnownDevices } from './known-device.js';
import { OidcService } from './oidc.service.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly signIns: SignInService,
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    private readonly oidc: OidcService,
    private readonly limiter: IpLimiter,
    private readonly audit: AuditService,
    private readonly devices: KnownDevices,
  ) {}

  @Get('session')
  @Public()
  @ApiOperation({ summary: 'Who is signed in (or null), the CSRF token for writes, and whether SSO is on' })
  @ApiOkResponse({ description: 'SessionInfo' })
  session(
    @CurrentUser() user: Principal | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionInfo> {
    return this.auth.sessionInfo(user, request, reply);
  }

  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @Public()
  @ApiOperation({ summary: 'Sign in with email and password; sets the session cookies' })
  @ApiOkResponse({ description: 'SessionInfo' })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS (never says whether the email exists)' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_ATTEMPTS, with Retry-After' })
  async signIn(
    @Body() body: SignInDto,
    @Origin() origin: RequestOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionInfo> {
    await this.limiter.check(request);
    const device = this.devices.deviceFor(request, body.email);
    const user = await this.signIns.verify(body.email, body.password, origin, device);
    const principal = await this.sessions.start(user.id, 'password', origin, request, reply);
    await this.audit.record({
      action: 'sign-in.succeeded',
      actor: principal,
      target: { type: 'session', id: principal.sessionId },
      origin,
    });
    return this.auth.sessionInfo(principal, request, reply);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @Public()
  @ApiOperation({ summary: 'Rotate the refresh token and get a new access token' })
  @ApiOkResponse({ description: 'SessionInfo' })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: missing, expired, revoked or reused token' })
  async refresh(
    @Origin() origin: RequestOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionInfo> {
    const principal = await this.sessions.refresh(request, reply, origin);
    return this.auth.sessionInfo(principal, request, reply);
  }

  @Post('sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Public()
  @ApiOperation({ summary: 'Sign out: revokes the session and clears the cookies' })
  @ApiNoContentResponse()
  async signOut(
    @CurrentUser() user: Principal | undefined,
    @Origin() origin: RequestOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.end(request, reply, user, origin);
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @SignedIn()
  @ApiOperation({ summary: 'Change your password; signs out your other sessions' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (currentPassword wrong, newPassword too short)' })
  changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentUser() user: Principal,
    @Origin() origin: RequestOrigin,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const device = this.devices.deviceFor(request, user.email);
    return this.auth.changePassword(user, body.currentPassword, body.newPassword, origin, device);
  }

  @Get('invitations/:token')
  @Public()
  @ApiOperation({ summary: 'Who an invitation link is for' })
  @ApiOkResponse({ description: 'InvitationInfo' })
  @ApiNotFoundResponse({ description: 'INVITATION_INVALID: unknown, used or expired' })
  invitation(@Param() { token }: InvitationTokenParamDto): Promise<InvitationInfo> {
    return this.invitations.info(token);
  }

  @Post('invitations/:token')
  @HttpCode(HttpStatus.OK)
  @Public()
  @ApiOperation({ summary: 'Accept an invitation: set a password, activate the account, sign in' })
  @ApiOkResponse({ description: 'SessionInfo' })
  @ApiNotFoundResponse({ description: 'INVITATION_INVALID' })
  async acceptInvitation(
    @Param() { token }: InvitationTokenParamDto,
    @Body() body: AcceptInvitationDto,
    @Origin() origin: RequestOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionInfo> {
    await this.limiter.check(request);
    const user = await this.invitations.accept(token, body.password, origin);
    const principal = await this.sessions.start(user.id, 'invitation', origin, request, reply);
    return this.auth.sessionInfo(principal, request, reply);
  }

  @Get('oidc/start')
  @Public()
  @ApiOperation({ summary: 'Start single sign-on: redirects to the OpenID provider' })
  @ApiFoundResponse({ description: 'Redirect to the provider' })
  @ApiNotFoundResponse({ description: 'SSO_NOT_CONFIGURED' })
  async oidcStart(
    @Query() { returnTo }: OidcStartQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.requireSso();
    const location = await this.oidc.start(safeReturnTo(returnTo), request, reply);
    await reply.redirect(location, HttpStatus.FOUND);
  }

  @Get('oidc/callback')
  @Public()
  @ApiOperation({ summary: 'Where the OpenID provider returns; signs in and redirects into the app' })
  @ApiFoundResponse({ description: 'Redirect to the page asked for, or to an explanation' })
  async oidcCallback(
    @Origin() origin: RequestOrigin,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.requireSso();
    const location = await this.oidc.callback(request, reply, origin);
    await reply.redirect(location, HttpStatus.FOUND);
  }

  private requireSso(): void {
    if (!this.oidc.settings) {
      throw new ApiException(
        HttpStatus.NOT_FOUND,
        'SSO_NOT_CONFIGURED',
        'Single sign-on is not set up on this service.',
      );
    }
  }
}
