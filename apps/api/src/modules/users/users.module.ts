import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { GrantsRepository } from './grants.repository.js';
import { InvitationHooks } from './invitation-hooks.js';
import { InvitationsService } from './invitations.service.js';
import { PeopleRepository } from './people.repository.js';
import { OrganisationTeamController, UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** Accounts, scoped roles, invitations; organisation teams. */
@Module({
  controllers: [UsersController, OrganisationTeamController],
  providers: [UsersService, InvitationsService, InvitationHooks, GrantsRepository, PeopleRepository],
  exports: [UsersService, InvitationsService, InvitationHooks, GrantsRepository, PeopleRepository],
})
export class UsersModule {
  constructor(audit: AuditService, people: PeopleRepository) {
    // The audit log names the people in it (its entries keep the e-mail address they were written with).
    audit.registerNamer(async (ids) => {
      const found = await people.byIds(ids);
      return new Map([...found.values()].map((person) => [person.id, person.displayName]));
    });
  }
}
