import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { readableName } from '@wgll/scoring';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import { CyclesService } from '../cycles/cycles.service.js';
import { HierarchyRepository } from '../organisations/hierarchy.repository.js';
import { PlanActionsReader } from '../plans/plan-actions.reader.js';
import { type Person, PeopleRepository } from '../users/people.repository.js';
import { NotificationsService } from './notifications.service.js';
import { compose } from './templates.js';

/** A cycle's closing is told at these numbers of days left (the tightest one reached, once each). */
export const CLOSING_DAYS = [14, 7, 1] as const;
/** An action's owner is told this many days before it is due. */
export const ACTION_DUE_DAYS = 3;
const FIRST_RUN_MS = 30_000;
const EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

/** Today in England, as an ISO date: reminders are about calendar days. */
function londonToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO dates). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The reminder threshold `daysLeft` has reached (14, 7 or 1), or null when none yet (or closed). */
export function closingThreshold(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const reached = CLOSING_DAYS.filter((t) => daysLeft <= t);
  return reached.length > 0 ? Math.min(...reached) : null;
}

/**
 * Scheduled reminders, run at start and then hourly by every API process. Each reminder's key (e.g.
 * `cycle:<id>:closing:7`) makes it at most once per person however many processes or runs send it.
 * Reads happen first, outside any transaction; the notices and e-mails of each scope are then written
 * in one transaction (on the embedded database a transaction holds the only connection).
 */
@Injectable()
export class ReminderScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly cycles: CyclesService,
    private readonly returns: AssessmentsReader,
    private readonly hierarchy: HierarchyRepository,
    private readonly people: PeopleRepository,
    private readonly actions: PlanActionsReader,
  ) {}

  start(): void {
    const run = () => {
      this.running = this.tick().catch((error: unknown) =>
        this.logger.error('Reminders could not be sent', { error: String(error) }),
      );
      this.timer = setTimeout(run, EVERY_MS).unref();
    };
    this.timer = setTimeout(run, FIRST_RUN_MS).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    await this.running;
  }

  /** One run of every reminder; returns the notices written. */
  async tick(now = new Date()): Promise<number> {
    const today = londonToday(now);
    return (await this.cyclesClosing(today)) + (await this.actionsDue(today));
  }

  /**
   * Improvement plan actions not done, to their owners: due within ACTION_DUE_DAYS days (once per due
   * date), and overdue (once per due date: moving the date starts again).
   */
  private async actionsDue(today: string): Promise<number> {
    const actions = await this.actions.dueBy(addDays(today, ACTION_DUE_DAYS));
    const owners = await this.people.activeByIds(actions.map((a) => a.ownerId));
    let written = 0;
    for (const action of actions) {
      const owner = owners.get(action.ownerId);
      if (!owner) continue;
      const overdue = action.dueDate < today;
      const href = `/returns/${action.returnId}/plan/actions/${action.id}`;
      written += await this.dataSource.transaction((manager) =>
        this.notifications.notify(manager, {
          kind: overdue ? 'action-overdue' : 'action-due',
          key: `action:${action.id}:${overdue ? 'overdue' : 'due'}:${action.dueDate}`,
          recipients: [{ userId: owner.id, email: owner.email, displayName: owner.displayName }],
          content: compose(
            overdue
              ? { kind: 'action-overdue', title: action.title, dueDate: action.dueDate, href }
              : {
                  kind: 'action-due',
                  title: action.title,
                  dueDate: action.dueDate,
                  daysLeft: daysBetween(today, action.dueDate),
                  href,
                },
          ),
        }),
      );
    }
    if (written > 0) this.logger.log('Plan action reminders', { written });
    return written;
  }

  /**
   * Open cycles closing within 14, 7 or 1 days: to the trust leads of organisations (operating on the
   * cycle's reference date) with a return in the cycle not yet submitted, or none, and to the ICS
   * leads of ICBs whose system return is not yet submitted, or not started.
   */
  private async cyclesClosing(today: string): Promise<number> {
    let written = 0;
    for (const cycle of (await this.cycles.list()).items) {
      if (cycle.retiredAt || cycle.opensOn > today) continue;
      const daysLeft = daysBetween(today, cycle.closesOn);
      const threshold = closingThreshold(daysLeft);
      if (threshold === null) continue;
      const progress = await this.returns.progressIn(cycle.id);
      const sealed = (code: string | null, level: 'organisation' | 'system') => {
        const mine = progress.filter((p) => p.level === level && (p.organisationCode ?? p.icsCode) === code);
        return mine.length > 0 && mine.every((p) => p.state === 'submitted');
      };
      const organisations = (await this.hierarchy.organisationsOperatingOn(cycle.referenceDate))
        .filter((o) => !sealed(o.odsCode, 'organisation'))
        .map((o) => ({ code: o.odsCode, name: o.name, href: `/organisations/${o.odsCode}/returns` }));
      const icbs = (await this.hierarchy.icbsExistingOn(cycle.referenceDate))
        .filter((i) => !sealed(i.odsCode, 'system'))
        .map((i) => ({ code: i.odsCode, name: i.name, href: `/ics/${i.odsCode}/returns` }));
      const leads = new Map<string, Person[]>([
        ...(await this.people.holdingEach(
          organisations.map((o) => o.code),
          ['trust-lead'],
        )),
        ...(await this.people.holdingEach(
          icbs.map((i) => i.code),
          ['ics-lead'],
        )),
      ]);
      const key = `cycle:${cycle.id}:closing:${threshold}`;
      const scopes = [...organisations, ...icbs].filter((s) => (leads.get(s.code) ?? []).length > 0);
      for (const scope of scopes) {
        written += await this.dataSource.transaction((manager) =>
          this.notifications.notify(manager, {
            kind: 'cycle-closing',
            key,
            recipients: leads
              .get(scope.code)!
              .map((p) => ({ userId: p.id, email: p.email, displayName: p.displayName })),
            content: compose({
              kind: 'cycle-closing',
              cycleName: cycle.name,
              closesOn: cycle.closesOn,
              daysLeft,
              ownerName: readableName(scope.name),
              href: scope.href,
            }),
          }),
        );
      }
      if (written > 0) this.logger.log('Cycle closing reminders', { cycle: cycle.name, daysLeft, written });
    }
    return written;
  }
}
