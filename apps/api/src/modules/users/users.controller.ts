import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  CreateUserResult,
  InvitationLink,
  OrganisationTeam,
  UserList,
  UserSummary,
} from '@wgll/contracts';
import { AtDateQuery } from '../../common/at-date.js';
import { Allow, CurrentUser, Origin } from '../access/access.decorators.js';
import type { Principal, RequestOrigin } from '../access/principal.js';
import { OdsCodeParamDto } from '../organisations/dto/organisation-queries.dto.js';
import {
  CreateUserDto,
  ListUsersQueryDto,
  RoleGrantDto,
  RoleGrantParamsDto,
  UpdateUserDto,
  UserIdParamDto,
} from './dto/user.dto.js';
import { InvitationsService } from './invitations.service.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiForbiddenResponse({ description: 'FORBIDDEN: national administrators only' })
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @Allow('user:manage')
  @ApiOperation({ summary: 'Users with their scoped roles; search by name or email' })
  @ApiOkResponse({ description: 'UserList' })
  list(@Query() query: ListUsersQueryDto): Promise<UserList> {
    return this.users.list(query);
  }

  @Post()
  @Allow('user:manage')
  @ApiOperation({
    summary: 'Create a user with roles; returns a single-use invitation link to set a password',
  })
  @ApiCreatedResponse({ description: 'CreateUserResult' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED, e.g. roles.0.scopeCode not a region/ICB/organisation',
  })
  @ApiConflictResponse({ description: 'USER_EXISTS' })
  create(
    @Body() body: CreateUserDto,
    @CurrentUser() actor: Principal,
    @Origin() origin: RequestOrigin,
  ): Promise<CreateUserResult> {
    return this.users.create(body, actor, origin);
  }

  @Get(':id')
  @Allow('user:manage')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ description: 'UserSummary' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  get(@Param() { id }: UserIdParamDto): Promise<UserSummary> {
    return this.users.get(id);
  }

  @Patch(':id')
  @Allow('user:manage')
  @ApiOperation({ summary: 'Rename, disable (signs out everywhere) or re-enable a user' })
  @ApiOkResponse({ description: 'UserSummary' })
  @ApiConflictResponse({ description: 'LAST_ADMINISTRATOR' })
  update(
    @Param() { id }: UserIdParamDto,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: Principal,
    @Origin() origin: RequestOrigin,
  ): Promise<UserSummary> {
    return this.users.update(id, body, actor, origin);
  }

  @Post(':id/roles')
  @Allow('user:manage')
  @ApiOperation({ summary: 'Grant a scoped role' })
  @ApiCreatedResponse({ description: 'UserSummary' })
  @ApiConflictResponse({ description: 'ROLE_EXISTS' })
  grant(
    @Param() { id }: UserIdParamDto,
    @Body() body: RoleGrantDto,
    @CurrentUser() actor: Principal,
    @Origin() origin: RequestOrigin,
  ): Promise<UserSummary> {
    return this.users.grantRole(id, body, actor, origin);
  }

  @Delete(':id/roles/:grantId')
  @HttpCode(200)
  @Allow('user:manage')
  @ApiOperation({ summary: 'Revoke a role' })
  @ApiOkResponse({ description: 'UserSummary' })
  @ApiNotFoundResponse({ description: 'ROLE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'LAST_ADMINISTRATOR' })
  revoke(
    @Param() { id, grantId }: RoleGrantParamsDto,
    @CurrentUser() actor: Principal,
    @Origin() origin: RequestOrigin,
  ): Promise<UserSummary> {
    return this.users.revokeRole(id, grantId, actor, origin);
  }

  @Post(':id/invitation')
  @Allow('user:manage')
  @ApiOperation({ summary: 'A new invitation link (earlier links stop working); also resets a password' })
  @ApiCreatedResponse({ description: 'InvitationLink' })
  @ApiConflictResponse({ description: 'USER_DISABLED: enable the account first' })
  invite(
    @Param() { id }: UserIdParamDto,
    @CurrentUser() actor: Principal,
    @Origin() origin: RequestOrigin,
  ): Promise<InvitationLink> {
    return this.invitations.create(id, actor, origin);
  }
}

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationTeamController {
  constructor(private readonly users: UsersService) {}

  @Get(':code/team')
  @Allow('organisation:view', { type: 'organisation', param: 'code', today: true })
  @ApiOperation({
    summary: "The organisation's team: people holding trust roles there now",
    description:
      'Roles are not dated, so the team is always today’s, and so is the check: it is shown to those ' +
      'whose scope holds the organisation today, whatever `at` says (a page for an earlier date may send it).',
  })
  @ApiOkResponse({ description: 'OrganisationTeam' })
  @ApiForbiddenResponse({ description: "FORBIDDEN outside the caller's scope today" })
  team(@Param() { code }: OdsCodeParamDto, @Query() _at: AtDateQuery): Promise<OrganisationTeam> {
    return this.users.team(code);
  }
}
