import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { readableName } from '@wgll/scoring';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Cycle } from '@wgll/contracts';
import { addDays, DAY_MS, daysBetween, todayInLondon } from '../../common/iso-date.js';
import { PolicyService } from '../access/policy.service.js';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import { WaitingReturnsReader } from '../assessments/waiting-returns.reader.js';
import { CyclesService } from '../cycles/cycles.service.js';
import { HierarchyRepository } from '../organisations/hierarchy.repository.js';
import { PlanActionsReader } from '../plans/plan-actions.reader.js';
import { type AreaProgress, ReturnsToChaseReader } from '../results/returns-to-chase.reader.js';
import { GrantsRepository } from '../users/grants.repository.js';
import { type Person, PeopleRepository } from '../users/people.repository.js';
import { NotificationsService } from './notifications.service.js';
import { compose } from './templates.js';

/** A cycle's closing is told at these numbers of days left (the tightest one reached, once each). */
export const CLOSING_DAYS = [14, 7, 1] as const;
/** An action's owner is told this many days before it is due. */
export const ACTION_DUE_DAYS = 3;
/** An assignee is told this many days before the work is due. */
export const ASSIGNMENT_DUE_DAYS = 3;
const FIRST_RUN_MS = 30_000;
const EVERY_MS = 60 * 60_000;

/** True when the ISO date is a Monday: the weekly digest's day. */
export function isMonday(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
}

/** A trust or ICB in scope of a cycle, with its leads and its returns page. */
interface LeadScope {
  code: string;
  name: string;
  href: string;
  leads: Person[];
}

const recipient = (p: Person) => ({ userId: p.id, email: p.email, displayName: p.displayName });

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
    private readonly waiting: WaitingReturnsReader,
    private readonly chase: ReturnsToChaseReader,
    private readonly grants: GrantsRepository,
    private readonly policy: PolicyService,
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
    const today = todayInLondon(now);
    return (
      (await this.cyclesOpened(today)) +
      (await this.cyclesClosing(today)) +
      (await this.actionsDue(today)) +
      (await this.assignmentsDue(today)) +
      (await this.weeklyDigest(now, today))
    );
  }

  /**
   * Work given on a return not yet submitted, with something left to answer, to its assignee: due
   * within ASSIGNMENT_DUE_DAYS days, and overdue, once per assignment and due date each.
   */
  private async assignmentsDue(today: string): Promise<number> {
    const { people: assignees, items: due } = await this.toldOf(
      await this.waiting.assignmentsDueBy(today, addDays(today, ASSIGNMENT_DUE_DAYS)),
      (a) => a.assignee.id,
      (a) => a.return.returnId,
    );
    let written = 0;
    for (const a of due) {
      const assignee = assignees.get(a.assignee.id)!;
      if (!a.dueDate) continue;
      const overdue = a.dueDate < today;
      const returnId = a.return.returnId;
      const href = a.questionsOf
        ? `/returns/${returnId}/measures/${encodeURIComponent(a.questionsOf)}${a.domainId ? `?domain=${encodeURIComponent(a.domainId)}` : ''}`
        : `/returns/${returnId}/assignments`;
      const facts = {
        title: a.title,
        ownerName: readableName(a.return.owner.name),
        cycleName: a.return.cycle.name,
        dueDate: a.dueDate,
        href,
      };
      written += await this.dataSource.transaction((manager) =>
        this.notifications.notify(manager, {
          kind: overdue ? 'assignment-overdue' : 'assignment-due',
          key: `assignment:${a.assignmentId}:${overdue ? 'overdue' : 'due'}:${a.dueDate}`,
          recipients: [recipient(assignee)],
          content: compose(
            overdue
              ? { kind: 'assignment-overdue', ...facts }
              : { kind: 'assignment-due', ...facts, daysLeft: daysBetween(today, a.dueDate!) },
          ),
        }),
      );
    }
    if (written > 0) this.logger.log('Assignment reminders', { written });
    return written;
  }

  /**
   * Of `items` (each a person's, on a return), those whose person may still be told of them: an
   * account not disabled, still allowed to view the return (a role taken away takes the reminders
   * with it); with those people.
   */
  private async toldOf<T>(
    items: T[],
    personOf: (item: T) => string,
    returnOf: (item: T) => string,
  ): Promise<{ people: Map<string, Person>; items: T[] }> {
    const people = await this.people.activeByIds(items.map(personOf));
    const returnsOf = new Map<string, string[]>([...people.keys()].map((id) => [id, []]));
    for (const item of items) returnsOf.get(personOf(item))?.push(returnOf(item));
    const grants = await this.grants.forUsers([...returnsOf.keys()]);
    // Each return placed once, whoever is told of it.
    const placed = await this.policy.placeReturns([...returnsOf.values()].flat());
    const visible = new Map<string, Set<string>>();
    for (const [id, returnIds] of returnsOf) {
      visible.set(
        id,
        await this.policy.visibleReturnIds({ grants: grants.get(id) ?? [] }, returnIds, placed),
      );
    }
    return { people, items: items.filter((item) => visible.get(personOf(item))?.has(returnOf(item))) };
  }

  /**
   * Cycles open today (opened, or created already open), once each: to the trust leads of the
   * organisations operating on the cycle's reference date and the ICS leads of the ICBs then.
   */
  private async cyclesOpened(today: string): Promise<number> {
    let written = 0;
    for (const cycle of await this.cycles.openOn(today)) {
      const key = `cycle:${cycle.id}:opened`;
      const told = await this.notifications.told('cycle-opened', key);
      for (const scope of await this.leadScopes(cycle, () => true)) {
        const leads = scope.leads.filter((p) => !told.has(p.id));
        if (leads.length === 0) continue;
        written += await this.dataSource.transaction((manager) =>
          this.notifications.notify(manager, {
            kind: 'cycle-opened',
            key,
            recipients: leads.map(recipient),
            content: compose({
              kind: 'cycle-opened',
              cycleName: cycle.name,
              opensOn: cycle.opensOn,
              closesOn: cycle.closesOn,
              ownerName: scope.name,
              href: scope.href,
            }),
          }),
        );
      }
    }
    if (written > 0) this.logger.log('Cycle opened notices', { written });
    return written;
  }

  /**
   * On Mondays (in England), to each ICS lead and regional viewer, once a week: per ICS or region
   * they hold and cycle open today, how many returns are submitted of those expected, and how many
   * were submitted and approved in the past 7 days.
   */
  private async weeklyDigest(now: Date, today: string): Promise<number> {
    if (!isMonday(today)) return 0;
    const key = `digest:${today}`;
    const told = await this.notifications.told('weekly-digest', key);
    const grants = (await this.people.withRoles(['ics-lead', 'regional-viewer'])).filter(
      (g) => !told.has(g.id),
    );
    const since = new Date(now.getTime() - 7 * DAY_MS);
    const progress = new Map<string, AreaProgress[]>();
    const areasOf = async (role: string, code: string) => {
      const key = `${role}|${code}`;
      if (!progress.has(key)) {
        const area = role === 'ics-lead' ? { ics: code } : { region: code };
        progress.set(key, await this.chase.progressOf(area, today, since));
      }
      return progress.get(key)!;
    };
    let written = 0;
    for (const person of new Map(grants.map((g) => [g.id, g])).values()) {
      const areas: (AreaProgress & { href: string })[] = [];
      for (const grant of grants.filter((g) => g.id === person.id)) {
        const page = grant.role === 'ics-lead' ? 'ics' : 'regions';
        for (const area of await areasOf(grant.role, grant.scopeCode)) {
          areas.push({ ...area, href: `/${page}/${area.code}/results?cycle=${area.cycle.id}` });
        }
      }
      if (areas.length === 0) continue;
      written += await this.dataSource.transaction((manager) =>
        this.notifications.notify(manager, {
          kind: 'weekly-digest',
          key,
          recipients: [recipient(person)],
          content: compose({
            kind: 'weekly-digest',
            weekOf: today,
            areas: areas.map((a) => ({
              name: readableName(a.name),
              cycleName: a.cycle.name,
              closesOn: a.cycle.closesOn,
              submitted: a.submitted,
              expected: a.expected,
              sealedLately: a.sealedLately,
              approvedLately: a.approvedLately,
            })),
            href: areas[0]!.href,
            linkLabel: `See the ${readableName(areas[0]!.name)} results`,
          }),
        }),
      );
    }
    if (written > 0) this.logger.log('Weekly digests', { written });
    return written;
  }

  /**
   * The trust leads of organisations (operating on the cycle's reference date) and the ICS leads of
   * ICBs (existing then) that `keep` keeps, those with nobody to tell left out.
   */
  private async leadScopes(
    cycle: Cycle,
    keep: (code: string, level: 'organisation' | 'system') => boolean,
  ): Promise<LeadScope[]> {
    const organisations = (await this.hierarchy.organisationsOperatingOn(cycle.referenceDate))
      .filter((o) => keep(o.odsCode, 'organisation'))
      .map((o) => ({
        code: o.odsCode,
        name: readableName(o.name),
        href: `/organisations/${o.odsCode}/returns`,
      }));
    const icbs = (await this.hierarchy.icbsExistingOn(cycle.referenceDate))
      .filter((i) => keep(i.odsCode, 'system'))
      .map((i) => ({ code: i.odsCode, name: readableName(i.name), href: `/ics/${i.odsCode}/returns` }));
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
    return [...organisations, ...icbs].flatMap((s) => {
      const people = leads.get(s.code) ?? [];
      return people.length > 0 ? [{ ...s, leads: people }] : [];
    });
  }

  /**
   * Improvement plan actions not done, to their owners: due within ACTION_DUE_DAYS days (once per due
   * date), and overdue (once per due date: moving the date starts again).
   */
  private async actionsDue(today: string): Promise<number> {
    const { people: owners, items: actions } = await this.toldOf(
      await this.actions.dueBy(addDays(today, ACTION_DUE_DAYS)),
      (a) => a.ownerId,
      (a) => a.returnId,
    );
    let written = 0;
    for (const action of actions) {
      const owner = owners.get(action.ownerId)!;
      const overdue = action.dueDate < today;
      const href = `/returns/${action.returnId}/plan/actions/${action.id}`;
      written += await this.dataSource.transaction((manager) =>
        this.notifications.notify(manager, {
          kind: overdue ? 'action-overdue' : 'action-due',
          key: `action:${action.id}:${overdue ? 'overdue' : 'due'}:${action.dueDate}`,
          recipients: [recipient(owner)],
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
    for (const cycle of await this.cycles.openOn(today)) {
      const daysLeft = daysBetween(today, cycle.closesOn);
      const threshold = closingThreshold(daysLeft);
      if (threshold === null) continue;
      const progress = await this.returns.progressIn(cycle.id);
      const sealed = (code: string | null, level: 'organisation' | 'system') => {
        const mine = progress.filter((p) => p.level === level && (p.organisationCode ?? p.icsCode) === code);
        return mine.length > 0 && mine.every((p) => p.state === 'submitted');
      };
      const key = `cycle:${cycle.id}:closing:${threshold}`;
      for (const scope of await this.leadScopes(cycle, (code, level) => !sealed(code, level))) {
        written += await this.dataSource.transaction((manager) =>
          this.notifications.notify(manager, {
            kind: 'cycle-closing',
            key,
            recipients: scope.leads.map(recipient),
            content: compose({
              kind: 'cycle-closing',
              cycleName: cycle.name,
              closesOn: cycle.closesOn,
              daysLeft,
              ownerName: scope.name,
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
