import { Module } from '@nestjs/common';
import { GrantsRepository } from './grants.repository.js';
import { InvitationsService } from './invitations.service.js';
import { PeopleRepository } from './people.repository.js';
import { OrganisationTeamController, UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** Accounts, scoped roles, invitations; organisation teams. */
@Module({
  controllers: [UsersController, OrganisationTeamController],
  providers: [UsersService, InvitationsService, GrantsRepository, PeopleRepository],
  exports: [UsersService, InvitationsService, GrantsRepository, PeopleRepository],
})
export class UsersModule {}
