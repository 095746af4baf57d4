import { readableName } from '@wgll/scoring';
import { Injectable } from '@nestjs/common';
import type { Role } from '@wgll/contracts';
import type { EntityManager } from 'typeorm';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import type { AuditEntry } from '../audit/audit.service.js';
import { HierarchyRepository } from '../organisations/hierarchy.repository.js';
import type { InvitationCreated } from '../users/invitation-hooks.js';
import { type Person, PeopleRepository } from '../users/people.repository.js';
import { NotificationsService, type Recipient } from './notifications.service.js';
import { compose, type ReturnFacts, type TemplateInput } from './templates.js';

type Return = NonNullable<Awaited<ReturnType<AssessmentsReader['forNotice']>>>;

const toRecipient = (p: Person): Recipient => ({ userId: p.id, email: p.email, displayName: p.displayName });
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Who is told what (issue 20), from the audit entries of a return's workflow and from new invitation
 * links, inside the transaction that made the change. The audit entry's id is the idempotency key.
 * Everything here reads through `manager`: on the embedded database the transaction holds the only
 * connection.
 */
@Injectable()
export class NotificationEvents {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly returns: AssessmentsReader,
    private readonly people: PeopleRepository,
    private readonly hierarchy: HierarchyRepository,
  ) {}

  /** An invitation link goes to the invited person (the only e-mail nobody can turn off). */
  async invitation(manager: EntityManager, created: InvitationCreated): Promise<void> {
    await this.notifications.notify(manager, {
      kind: 'invitation',
      key: `invitation:${created.invitationId}`,
      recipients: [{ userId: created.userId, email: created.email, displayName: created.displayName }],
      content: compose({ kind: 'invitation', ...created }),
      secret: true,
    });
  }

  async audited(entry: AuditEntry & { id: string }, manager: EntityManager): Promise<void> {
    if (!entry.action.startsWith('return.') || entry.target?.type !== 'return') return;
    const plan = PLANS[entry.action];
    if (!plan) return;
    const ret = await this.returns.forNotice(entry.target.id, manager);
    if (!ret) return;
    const details = { ...(entry.details ?? {}) };
    const actorId = entry.actor?.id ?? null;
    const actor = actorId ? (await this.people.byIds([actorId], manager)).get(actorId) : undefined;
    const facts: ReturnFacts = {
      returnId: ret.id,
      label: ret.label,
      ownerName: readableName(
        (await this.hierarchy.nameOf(ret.organisationCode ?? ret.icsCode!, manager)) ?? ret.label,
      ),
      cycleName: ret.cycleName,
      actorName: actor?.displayName || entry.actor?.email || 'An administrator',
    };
    if (entry.action === 'return.assigned') {
      // Named as people see it: the measure's name or the domain's title in the return's framework.
      const title = await this.returns.workTitle(
        ret.id,
        { domainId: text(details['domainId']), measure: text(details['measure']) },
        manager,
      );
      if (title) details['title'] = title;
    }
    const recipients = await this.recipients(manager, ret, plan.to, details);
    await this.notifications.notify(manager, {
      kind: plan.input(facts, details).kind,
      key: `audit:${entry.id}`,
      // Nobody is told of what they did themselves.
      recipients: recipients.filter((r) => r.id !== actorId).map(toRecipient),
      content: compose(plan.input(facts, details)),
    });
  }

  private async recipients(
    manager: EntityManager,
    ret: Return,
    to: Audience[],
    details: Record<string, unknown>,
  ): Promise<Person[]> {
    const found: Person[] = [];
    for (const audience of to) {
      if (audience === 'assignee') {
        const id = text(details['assigneeId']);
        const person = id ? (await this.people.activeByIds([id], manager)).get(id) : undefined;
        if (person) found.push(person);
        continue;
      }
      if (audience === 'ics-leads') {
        // The ICB the trust belonged to on the cycle's reference date (a system return: its own).
        const ics =
          ret.icsCode ??
          (await this.hierarchy.placeOrganisation(ret.organisationCode!, ret.referenceDate, manager))?.ics;
        if (ics) found.push(...(await this.people.holding(ics, ['ics-lead'], manager)));
        continue;
      }
      // A system return's team and board are the ICB's leads.
      const roles: Role[] = ret.organisationCode
        ? [audience === 'leads' ? 'trust-lead' : 'board-approver']
        : ['ics-lead'];
      found.push(...(await this.people.holding(ret.organisationCode ?? ret.icsCode!, roles, manager)));
    }
    return found;
  }
}

type Audience = 'leads' | 'approvers' | 'ics-leads' | 'assignee';

/** For each audited action: who hears of it, and what the message is built from. */
const PLANS: Partial<
  Record<
    AuditEntry['action'],
    { to: Audience[]; input: (ret: ReturnFacts, d: Record<string, unknown>) => TemplateInput }
  >
> = {
  'return.assigned': {
    to: ['assignee'],
    input: (ret, d) => ({
      kind: 'assignment',
      ret,
      what: d['measure']
        ? `the ${text(d['title']) || text(d['measure'])} questions`
        : `the domain ${text(d['title']) || text(d['domainId'])}`,
      dueDate: text(d['dueDate']) || null,
    }),
  },
  'return.marked-ready': { to: ['approvers'], input: (ret) => ({ kind: 'ready-for-approval', ret }) },
  'return.approved': {
    to: ['leads'],
    input: (ret, d) => ({ kind: 'approval-recorded', ret, meetingDate: text(d['meetingDate']) }),
  },
  'return.approval-withdrawn': {
    to: ['leads', 'approvers'],
    input: (ret, d) => ({ kind: 'approval-withdrawn', ret, reason: text(d['reason']) }),
  },
  'return.declined': {
    to: ['leads'],
    input: (ret, d) => ({ kind: 'return-declined', ret, reason: text(d['reason']) }),
  },
  'return.submitted': { to: ['leads', 'ics-leads'], input: (ret) => ({ kind: 'return-sealed', ret }) },
  'return.reopened': {
    to: ['leads', 'ics-leads'],
    input: (ret, d) => ({ kind: 'return-reopened', ret, reason: text(d['reason']) }),
  },
};
