import { Module, type OnModuleInit } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { AuditService } from '../audit/audit.service.js';
import { CyclesModule } from '../cycles/cycles.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ResultsModule } from '../results/results.module.js';
import { InvitationHooks } from '../users/invitation-hooks.js';
import { UsersModule } from '../users/users.module.js';
import { DeliveryWorker } from './delivery-worker.js';
import { NotificationEvents } from './notification-events.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { ReminderScheduler } from './reminders.js';

/**
 * Notifications (issue 20): in-app notices, e-mail through SMTP or GOV.UK Notify from a queue in the
 * database (or kept in an outbox), per-person e-mail choices and one-click unsubscribe.
 */
@Module({
  imports: [AssessmentsModule, UsersModule, OrganisationsModule, CyclesModule, PlansModule, ResultsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, DeliveryWorker, NotificationEvents, ReminderScheduler],
  exports: [NotificationsService, DeliveryWorker, ReminderScheduler],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly audit: AuditService,
    private readonly invitations: InvitationHooks,
    private readonly events: NotificationEvents,
  ) {}

  /** Told of a return's workflow through its audit entries, and of invitation links, in their transactions. */
  onModuleInit(): void {
    this.audit.registerListener((entry, manager) => this.events.audited(entry, manager));
    this.invitations.register((manager, created) => this.events.invitation(manager, created));
  }
}
