import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApiError,
  EmailDeliveryList,
  NoticeList,
  NotificationPreferences,
  ReturnDetail,
  UnsubscribeInfo,
  UserSummary,
  WaitingForYou,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import type { ParsedMail } from 'mailparser';
import { loadConfig } from '../../src/config/app-config.js';
import { anonymousClient, type Client, createUser, signIn, type TestUser } from './support/auth.js';
import { startMailServer, type TestMailServer } from './support/mail.js';
import { answerAll, createCycle, getReturn, isoDay, returnsWorld, startReturns } from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Issue 20: e-mail through a real SMTP server started here, notices in the app, preferences, unsubscribe. */
let t: TestApp;
let mail: TestMailServer;
let admin: Client;
let lead: Client;
let contributor: Client;
let board: Client;
let org: FrameworkVersion;
let sys: FrameworkVersion;
let newReturn: () => Promise<ReturnDetail>;
let leadUser: TestUser;
let boardUser: TestUser;
let icsUser: TestUser;
let leadClient: Client;
let boardClient: Client;
const PUBLIC_URL = 'https://wgll.test.example';

beforeAll(async () => {
  mail = await startMailServer();
  const defaults = loadConfig({});
  t = await startTestApp({
    config: {
      mail: { ...defaults.mail, transport: 'smtp', smtpUrl: mail.url, from: 'WGLL <wgll@test.example>' },
    },
    auth: { publicUrl: PUBLIC_URL },
  });
  ({ admin, lead, contributor, board, org, sys, newReturn } = await returnsWorld(t));
  // People whose mail this file reads: a trust lead and a board approver of RJ1, an ICS lead of its ICB.
  leadUser = await createUser(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
  boardUser = await createUser(t, [{ role: 'board-approver', scopeCode: 'RJ1' }]);
  icsUser = await createUser(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
  leadClient = await signIn(t, leadUser.email);
  boardClient = await signIn(t, boardUser.email);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await mail?.close();
});

const subjects = (mails: ParsedMail[]) => mails.map((m) => m.subject);
/** A header as sent (mailparser folds the List-* headers into one structured value). */
const header = (m: ParsedMail, name: string) =>
  m.headerLines
    .find((h) => h.key === name)
    ?.line.slice(name.length + 1)
    .trim() ?? '';
const unsubscribeHeader = (m: ParsedMail) => header(m, 'list-unsubscribe');

async function readyReturn(): Promise<ReturnDetail> {
  const ret = await newReturn();
  await answerAll(contributor, ret, org);
  await lead.post(`/api/returns/${ret.id}/ready`).expect(200);
  return ret;
}

describe('e-mail through SMTP', () => {
  it('an invitation sends its link to the invited person, and keeps it nowhere once sent', async () => {
    const email = `invited-${crypto.randomUUID()}@test.wgll.example`;
    const created = await admin
      .post('/api/users', {
        email,
        displayName: 'Ivy Invited',
        roles: [{ role: 'trust-contributor', scopeCode: 'RJ1' }],
      })
      .expect(201);
    const link = (created.body as { invitation: { url: string } }).invitation.url;
    expect(link.startsWith(`${PUBLIC_URL}/invitations/`)).toBe(true);
    await mail.waitFor(() => mail.to(email).length > 0);
    const [message] = mail.to(email);
    expect(message!.subject).toBe('Set up your account for What Good Looks Like');
    expect(message!.from?.text).toContain('wgll@test.example');
    expect(message!.text).toContain('Dear Ivy Invited,');
    expect(message!.text).toContain(`Set up your account: ${link}`);
    expect(message!.html).toContain('<html lang="en-GB">');
    expect(message!.html).toContain(`<a href="${link}"`);
    // An invitation cannot be turned off, so it has no unsubscribe link.
    expect(unsubscribeHeader(message!)).toBe('');
    const [row] = await t.dataSource.query<{ text_body: string; status: string }[]>(
      `SELECT d.text_body, d.status FROM email_delivery d WHERE d.to_address = $1`,
      [email],
    );
    expect(row!.status).toBe('sent');
    expect(row!.text_body).not.toContain(link);
  });

  it('a return ready for approval goes to the trust’s board approvers, with a link to the approval page', async () => {
    // A board approver new to this test: the return's notice is the only one they have.
    const approver = await createUser(t, [{ role: 'board-approver', scopeCode: 'RJ1' }]);
    const approverClient = await signIn(t, approver.email);
    const ret = await readyReturn();
    await mail.waitFor(() => mail.to(boardUser.email).some((m) => m.text?.includes(ret.id)));
    const message = mail.to(boardUser.email).find((m) => m.text?.includes(ret.id))!;
    // The trust named as people read it, not in ODS capitals.
    expect(message.subject).toBe(
      "The Guy's and St Thomas' NHS Foundation Trust return is ready for board approval",
    );
    const page = `${PUBLIC_URL}/returns/${ret.id}/approval`;
    expect(message.text).toContain(`Review the return for approval: ${page}`);
    expect(message.html).toContain(`<a href="${page}"`);
    expect(message.html).toContain('<h1');
    // RFC 8058 one-click unsubscribe headers, pointing at the API with a signed token.
    expect(unsubscribeHeader(message)).toMatch(
      new RegExp(`^<${PUBLIC_URL}/api/notifications/unsubscribe\\?token=[\\w-]+\\.[\\w-]+>$`),
    );
    expect(header(message, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // Not to the trust lead, nor to the one who marked it ready.
    expect(mail.to(leadUser.email).some((m) => m.text?.includes(ret.id))).toBe(false);
    // The in-app notice is there too, counted among the person's own notices only.
    const notices = (await approverClient.get('/api/notifications').expect(200)).body as NoticeList;
    expect(notices.items).toEqual([
      expect.objectContaining({
        kind: 'ready-for-approval',
        link: `/returns/${ret.id}/approval`,
        readAt: null,
      }),
    ]);
    expect(notices.unread).toBe(1);
    const notice = notices.items[0]!;
    const read = (await approverClient.post('/api/notifications/read', { ids: [notice.id] }).expect(200))
      .body as NoticeList;
    expect(read.items).toEqual([expect.objectContaining({ id: notice.id, readAt: expect.any(String) })]);
    expect(read.unread).toBe(0);
    // Another board approver's copy is theirs: still unread.
    const theirs = (await boardClient.get('/api/notifications').expect(200)).body as NoticeList;
    expect(theirs.items.filter((n) => n.link === `/returns/${ret.id}/approval`)).toEqual([
      expect.objectContaining({ kind: 'ready-for-approval', readAt: null }),
    ]);
  });

  it('the board sending a return back tells the trust lead, with the board’s comments', async () => {
    const ret = await readyReturn();
    await board.post(`/api/returns/${ret.id}/declines`, { reason: 'Domain 2 needs evidence' }).expect(201);
    await mail.waitFor(() =>
      mail.to(leadUser.email).some((m) => m.subject?.includes('sent the') && m.text?.includes(ret.id)),
    );
    const message = mail
      .to(leadUser.email)
      .find((m) => m.text?.includes(ret.id) && m.subject?.includes('sent'))!;
    expect(message.subject).toMatch(/^The board has sent the .+ return back$/);
    expect(message.text).toContain('The board’s comments: Domain 2 needs evidence');
    expect(message.text).toContain(`${PUBLIC_URL}/returns/${ret.id}`);
  });

  it('a sealed return goes to its trust lead and the ICS lead; the same event twice sends one e-mail', async () => {
    const ret = await readyReturn();
    await board
      .post(`/api/returns/${ret.id}/approvals`, { meetingDate: isoDay(0), minuteReference: 'M1' })
      .expect(201);
    await lead.post(`/api/returns/${ret.id}/submit`).expect(200);
    const sealed = (m: ParsedMail) =>
      !!m.subject?.endsWith('has been submitted') && !!m.text?.includes(ret.id);
    await mail.waitFor(() => mail.to(leadUser.email).some(sealed) && mail.to(icsUser.email).some(sealed));
    expect(mail.to(leadUser.email).filter(sealed)[0]!.text).toContain('sealed');
    // The approval was told to the trust lead too.
    expect(subjects(mail.to(leadUser.email))).toContain(
      mail
        .to(leadUser.email)
        .find((m) => m.subject?.startsWith('The board has approved') && m.text?.includes(ret.id))?.subject,
    );
    // Notifying the same audit entry again (a retry, a restart) writes nothing and sends nothing.
    const [entry] = await t.dataSource.query<{ key: string; kind: string }[]>(
      `SELECT n.key, n.kind FROM notice n WHERE n.user_id = $1 AND n.kind = 'return-sealed' AND n.link = $2`,
      [leadUser.id, `/returns/${ret.id}`],
    );
    const { NotificationsService } = await import('../../src/modules/notifications/notifications.service.js');
    const service = t.running.app.get(NotificationsService);
    const again = await t.dataSource.transaction((manager) =>
      service.notify(manager, {
        kind: 'return-sealed',
        key: entry!.key,
        recipients: [{ userId: leadUser.id, email: leadUser.email, displayName: 'Lead' }],
        content: { subject: 'Again', summary: 'Again', details: [], action: null },
      }),
    );
    expect(again).toBe(0);
    const [{ n }] = await t.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM email_delivery d JOIN notice x ON x.id = d.notice_id WHERE x.key = $1 AND x.user_id = $2`,
      [entry!.key, leadUser.id],
    );
    expect(n).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mail.to(leadUser.email).filter(sealed)).toHaveLength(1);
  });
});

describe('work given, and an approval withdrawn by an edit', () => {
  it('the person given work hears of it; an edit after approval tells the trust lead and the board', async () => {
    const contributorUser = await createUser(t, [{ role: 'trust-contributor', scopeCode: 'RJ1' }]);
    const ret = await readyReturn();
    const domain = org.domains[0]!;
    await lead
      .put(`/api/returns/${ret.id}/assignments`, {
        domainId: domain.id,
        userId: contributorUser.id,
        dueDate: '2099-01-12',
      })
      .expect(200);
    const given = (m: ParsedMail) =>
      !!m.subject?.startsWith('You have been given') && !!m.text?.includes('/assignments');
    await mail.waitFor(() => mail.to(contributorUser.email).some(given));
    const text = mail.to(contributorUser.email).find(given)!.text;
    expect(text).toContain(`the domain ${domain.title}`);
    expect(text).toContain('Please answer it by 12 January 2099');

    await board
      .post(`/api/returns/${ret.id}/approvals`, { meetingDate: isoDay(0), minuteReference: 'M2' })
      .expect(201);
    const current = (await lead.get(`/api/returns/${ret.id}`).expect(200)).body as ReturnDetail;
    const version = current.answers.find((a) => a.domainId === domain.id)!.version;
    await contributor
      .put(`/api/returns/${ret.id}/answers/${domain.id}`, {
        baseVersion: version,
        met: [],
        notApplicable: false,
        noneMet: false,
        comment: 'Changed after approval',
        confidence: 'medium',
        evidenceIds: [],
      })
      .expect(200);
    const withdrawn = (m: ParsedMail) =>
      !!m.subject?.includes('approval of the') && !!m.text?.includes(`/returns/${ret.id}/approval`);
    await mail.waitFor(
      () => mail.to(leadUser.email).some(withdrawn) && mail.to(boardUser.email).some(withdrawn),
    );
    expect(mail.to(leadUser.email).find(withdrawn)!.text).toContain('awaiting the board’s approval again');
  });
});

describe('reminders', () => {
  it('a cycle closing in 7 days reminds the trust and ICS leads whose returns are not submitted, once; again at 1 day', async () => {
    const { ReminderScheduler } = await import('../../src/modules/notifications/reminders.js');
    const reminders = t.running.app.get(ReminderScheduler);
    const today = isoDay(0);
    const cycle = await createCycle(admin, org, sys, { opensOn: isoDay(-30), closesOn: isoDay(7) });
    await startReturns(lead, 'RJ1', cycle.id);
    const noon = (day: string) => new Date(`${day}T12:00:00Z`);
    const notices = (userId: string, threshold: number) =>
      t.dataSource.query<{ subject: string; link: string }[]>(
        `SELECT subject, link FROM notice WHERE user_id = $1 AND kind = 'cycle-closing' AND key = $2`,
        [userId, `cycle:${cycle.id}:closing:${threshold}`],
      );
    await reminders.tick(noon(today));
    const [toLead] = await notices(leadUser.id, 7);
    expect(toLead!.subject).toMatch(
      new RegExp(`^The ${cycle.name.replace('/', '\\/')} cycle closes in 7 days: `),
    );
    expect(toLead!.link).toBe('/organisations/RJ1/returns');
    expect((await notices(icsUser.id, 7))[0]!.link).toBe('/ics/QKK/returns');
    await mail.waitFor(() => mail.to(leadUser.email).some((m) => m.subject === toLead!.subject));
    // Run again (another process, a restart): nothing more.
    await reminders.tick(noon(today));
    expect(await notices(leadUser.id, 7)).toHaveLength(1);
    // A day before it closes: the last reminder.
    await reminders.tick(noon(isoDay(6)));
    expect((await notices(leadUser.id, 1))[0]!.subject).toContain('closes tomorrow');
  });
});

describe('plan action reminders', () => {
  it('an owned action due in 3 days, then overdue, tells its owner once each; a done one tells nobody', async () => {
    const { ReminderScheduler } = await import('../../src/modules/notifications/reminders.js');
    const reminders = t.running.app.get(ReminderScheduler);
    const owner = await createUser(t, [{ role: 'trust-contributor', scopeCode: 'RJ1' }]);
    const ret = await newReturn();
    await lead.get(`/api/returns/${ret.id}/plan`).expect(200);
    const add = async (title: string, state: string) =>
      (
        await lead
          .post(`/api/returns/${ret.id}/plan/actions`, {
            domainId: org.domains[0]!.id,
            elementIds: [],
            title,
            description: '',
            ownerId: owner.id,
            dueDate: isoDay(3),
            state,
            blockedReason: null,
            funding: null,
            expectedBenefit: '',
            evidenceIds: [],
          })
          .expect(201)
      ).body as { id: string };
    const open = await add('Replace the network switches', 'in-progress');
    await add('Write the data strategy', 'done');
    const noon = (day: string) => new Date(`${day}T12:00:00Z`);
    const mine = (kind: string) =>
      t.dataSource.query<{ subject: string; link: string }[]>(
        `SELECT subject, link FROM notice WHERE user_id = $1 AND kind = $2 ORDER BY created_at`,
        [owner.id, kind],
      );
    await reminders.tick(noon(isoDay(0)));
    await reminders.tick(noon(isoDay(0)));
    const due = await mine('action-due');
    expect(due).toEqual([
      {
        subject: 'Your action “Replace the network switches” is due in 3 days',
        link: `/returns/${ret.id}/plan/actions/${open.id}`,
      },
    ]);
    await mail.waitFor(() => mail.to(owner.email).some((m) => m.subject === due[0]!.subject));
    await reminders.tick(noon(isoDay(4)));
    await reminders.tick(noon(isoDay(5)));
    expect((await mine('action-overdue')).map((n) => n.subject)).toEqual([
      'Your action “Replace the network switches” is overdue',
    ]);
  });
});

describe('assignment reminders', () => {
  it('work due in 3 days, then overdue, tells its assignee once each; a new due date tells again', async () => {
    const { ReminderScheduler } = await import('../../src/modules/notifications/reminders.js');
    const reminders = t.running.app.get(ReminderScheduler);
    const assignee = await createUser(t, [{ role: 'trust-contributor', scopeCode: 'RJ1' }]);
    const ret = await newReturn();
    const measure = org.measures[0]!;
    const assign = async (dueDate: string) =>
      lead
        .put(`/api/returns/${ret.id}/assignments`, { measure: measure.id, userId: assignee.id, dueDate })
        .expect(200);
    await assign(isoDay(3));
    const noon = (day: string) => new Date(`${day}T12:00:00Z`);
    const mine = (kind: string) =>
      t.dataSource.query<{ subject: string; link: string; key: string }[]>(
        `SELECT subject, link, key FROM notice WHERE user_id = $1 AND kind = $2 ORDER BY created_at`,
        [assignee.id, kind],
      );
    await reminders.tick(noon(isoDay(0)));
    await reminders.tick(noon(isoDay(0)));
    const due = await mine('assignment-due');
    expect(due).toHaveLength(1);
    expect(due[0]!.subject.startsWith(`Your work on ${measure.name} for the `)).toBe(true);
    expect(due[0]!.subject).toMatch(/ return is due in 3 days$/);
    expect(due[0]!.link).toMatch(new RegExp(`^/returns/${ret.id}/measures/${measure.id}`));
    await mail.waitFor(() => mail.to(assignee.email).some((m) => m.subject === due[0]!.subject));
    const sent = mail.to(assignee.email).find((m) => m.subject === due[0]!.subject)!;
    expect(sent.text).toContain(`${PUBLIC_URL}${due[0]!.link}`);
    await reminders.tick(noon(isoDay(4)));
    await reminders.tick(noon(isoDay(5)));
    const overdue = await mine('assignment-overdue');
    expect(overdue.map((n) => n.subject)).toEqual([due[0]!.subject.replace('due in 3 days', 'overdue')]);
    // A new due date: reminded again, once.
    await assign(isoDay(2));
    await reminders.tick(noon(isoDay(0)));
    await reminders.tick(noon(isoDay(0)));
    expect((await mine('assignment-due')).map((n) => n.key)).toEqual([
      expect.stringMatching(new RegExp(`:due:${isoDay(3)}$`)),
      expect.stringMatching(new RegExp(`:due:${isoDay(2)}$`)),
    ]);
    // Once the work is answered, nothing more.
    await answerAll(contributor, ret, org);
    await reminders.tick(noon(isoDay(9)));
    expect(await mine('assignment-overdue')).toHaveLength(1);
  });
});

describe('reminders, and people who lost access', () => {
  it('work and actions on a return are not reminded to someone whose role there was taken away, nor to a disabled account', async () => {
    const { ReminderScheduler } = await import('../../src/modules/notifications/reminders.js');
    const reminders = t.running.app.get(ReminderScheduler);
    const ret = await newReturn();
    await lead.get(`/api/returns/${ret.id}/plan`).expect(200);
    // Three contributors of RJ1, each given a measure and an action on the return, due in 2 days.
    const people: TestUser[] = [];
    for (const [i, measure] of org.measures.slice(0, 3).entries()) {
      const person = await createUser(t, [{ role: 'trust-contributor', scopeCode: 'RJ1' }]);
      people.push(person);
      await lead
        .put(`/api/returns/${ret.id}/assignments`, {
          measure: measure.id,
          userId: person.id,
          dueDate: isoDay(2),
        })
        .expect(200);
      await lead
        .post(`/api/returns/${ret.id}/plan/actions`, {
          domainId: org.domains[0]!.id,
          elementIds: [],
          title: `Action ${i + 1} of the people who lost access`,
          description: '',
          ownerId: person.id,
          dueDate: isoDay(2),
          state: 'not-started',
          blockedReason: null,
          funding: null,
          expectedBenefit: '',
          evidenceIds: [],
        })
        .expect(201);
    }
    const [kept, revoked, disabled] = people as [TestUser, TestUser, TestUser];
    // The one whose role at RJ1 is taken away keeps another trust's.
    await admin
      .post(`/api/users/${revoked.id}/roles`, { role: 'trust-contributor', scopeCode: 'RH8' })
      .expect(201);
    const revokedClient = await signIn(t, revoked.email);
    const waitingFor = async (client: Client) => {
      const list = (await client.get('/api/me/waiting').expect(200)).body as WaitingForYou;
      return {
        assignments: list.assignments.filter((a) => a.return.returnId === ret.id).length,
        actions: list.actionsDue.filter((a) => a.returnId === ret.id).length,
      };
    };
    expect(await waitingFor(revokedClient)).toEqual({ assignments: 1, actions: 1 });

    // An administrator takes one person's role away, and disables another's account.
    const summary = (await admin.get(`/api/users/${revoked.id}`).expect(200)).body as UserSummary;
    const atRj1 = summary.roles.find((r) => r.scope.code === 'RJ1')!;
    await admin.delete(`/api/users/${revoked.id}/roles/${atRj1.id}`).expect(200);
    await admin.patch(`/api/users/${disabled.id}`, { status: 'disabled' }).expect(200);
    expect(await waitingFor(revokedClient)).toEqual({ assignments: 0, actions: 0 });

    await reminders.tick(new Date(`${isoDay(0)}T12:00:00Z`));
    const told = async (person: TestUser) =>
      (
        await t.dataSource.query<{ kind: string; emails: number }[]>(
          `SELECT n.kind, (SELECT count(*)::int FROM email_delivery d WHERE d.notice_id = n.id) AS emails
           FROM notice n WHERE n.user_id = $1 AND n.kind IN ('assignment-due', 'action-due') ORDER BY n.kind`,
          [person.id],
        )
      ).map((n) => `${n.kind} (${n.emails} e-mail)`);
    expect(await told(kept)).toEqual(['action-due (1 e-mail)', 'assignment-due (1 e-mail)']);
    expect(await told(revoked)).toEqual([]);
    expect(await told(disabled)).toEqual([]);
    const reminded = (person: TestUser) =>
      subjects(mail.to(person.email)).filter((s) => s?.endsWith('is due in 2 days'));
    await mail.waitFor(() => reminded(kept).length === 2);
    expect(reminded(revoked)).toEqual([]);
    expect(reminded(disabled)).toEqual([]);
  });
});

describe('a cycle opening', () => {
  it('tells the trust and ICS leads once, on the day it opens', async () => {
    const { ReminderScheduler } = await import('../../src/modules/notifications/reminders.js');
    const reminders = t.running.app.get(ReminderScheduler);
    const cycle = await createCycle(admin, org, sys, { opensOn: isoDay(2), closesOn: isoDay(60) });
    const noon = (day: string) => new Date(`${day}T12:00:00Z`);
    const notices = (userId: string) =>
      t.dataSource.query<{ subject: string; link: string }[]>(
        `SELECT subject, link FROM notice WHERE user_id = $1 AND kind = 'cycle-opened' AND key = $2`,
        [userId, `cycle:${cycle.id}:opened`],
      );
    await reminders.tick(noon(isoDay(1)));
    expect(await notices(leadUser.id)).toEqual([]);
    await reminders.tick(noon(isoDay(2)));
    await reminders.tick(noon(isoDay(3)));
    const toLead = await notices(leadUser.id);
    expect(toLead).toEqual([
      { subject: `The ${cycle.name} assessment cycle is open`, link: '/organisations/RJ1/returns' },
    ]);
    expect(await notices(icsUser.id)).toEqual([
      { subject: `The ${cycle.name} assessment cycle is open`, link: '/ics/QKK/returns' },
    ]);
    await mail.waitFor(() => mail.to(leadUser.email).some((m) => m.subject === toLead[0]!.subject));
    const sent = mail.to(leadUser.email).filter((m) => m.subject === toLead[0]!.subject);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(`${PUBLIC_URL}/organisations/RJ1/returns`);
  });
});

describe('the weekly digest', () => {
  it('on Mondays tells ICS leads and regional viewers how their returns are going, once a week', async () => {
    const { ReminderScheduler } = await import('../../src/modules/notifications/reminders.js');
    const reminders = t.running.app.get(ReminderScheduler);
    // New people: no earlier run has sent them a digest for the coming Monday.
    const regional = await createUser(t, [{ role: 'regional-viewer', scopeCode: 'Y56' }]);
    const icsLead = await createUser(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
    const cycle = await createCycle(admin, org, sys, {
      opensOn: isoDay(-10),
      closesOn: isoDay(40),
      referenceDate: '2026-04-09',
    });
    // One return approved by the board this week.
    const { created } = await startReturns(lead, 'RJ1', cycle.id);
    const ret = await getReturn(lead, created[0]!.id);
    await answerAll(contributor, ret, org);
    await lead.post(`/api/returns/${ret.id}/ready`).expect(200);
    await board
      .post(`/api/returns/${ret.id}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'D20/1' })
      .expect(201);
    const k = [0, 1, 2, 3, 4, 5, 6].find((n) => new Date(`${isoDay(n)}T00:00:00Z`).getUTCDay() === 1)!;
    const [monday, tuesday] = [isoDay(k), isoDay(k + 1)];
    const noon = (day: string) => new Date(`${day}T12:00:00Z`);
    const digests = (userId: string) =>
      t.dataSource.query<{ subject: string; summary: string; link: string; key: string }[]>(
        `SELECT subject, summary, link, key FROM notice WHERE user_id = $1 AND kind = 'weekly-digest'`,
        [userId],
      );
    await reminders.tick(noon(tuesday));
    expect(await digests(icsLead.id)).toEqual([]);
    await reminders.tick(noon(monday));
    await reminders.tick(noon(monday));
    const [toIcs, ...more] = await digests(icsLead.id);
    expect(more).toEqual([]);
    expect(toIcs!.key).toBe(`digest:${monday}`);
    expect(toIcs!.subject).toMatch(/^Your weekly summary of returns, week of /);
    const [toRegion] = await digests(regional.id);
    expect(toRegion).toBeDefined();
    // What it says of our cycle is what the completion pages say.
    const ics = (await admin.get(`/api/ics/QKK/completion?cycle=${cycle.id}`).expect(200)).body as {
      rows: { state: string }[];
    };
    const region = (await admin.get(`/api/regions/Y56/completion?cycle=${cycle.id}`).expect(200)).body as {
      groups: { code: string; expected: number; counts: { submitted: number } }[];
    };
    expect(region.groups.map((g) => g.code)).toContain('QKK');
    const line = (submitted: number, expected: number) =>
      new RegExp(
        `${cycle.name} \\(closes [^)]*\\): ${submitted} of ${expected} returns submitted\\. In the past 7 days: 0 returns submitted, 1 return approved by the board\\.`,
      );
    await mail.waitFor(() => mail.to(icsLead.email).some((m) => m.subject === toIcs!.subject));
    await mail.waitFor(() => mail.to(regional.email).some((m) => m.subject === toRegion!.subject));
    const icsMail = mail.to(icsLead.email).filter((m) => m.subject === toIcs!.subject);
    expect(icsMail).toHaveLength(1);
    const icsText = icsMail[0]!.text!.replace(/\s+/g, ' ');
    const submitted = ics.rows.filter((r) => r.state === 'submitted').length;
    expect(icsText).toMatch(line(submitted, ics.rows.length));
    expect(icsText).toContain(`${PUBLIC_URL}/ics/`);
    const regionText = mail
      .to(regional.email)
      .find((m) => m.subject === toRegion!.subject)!
      .text!.replace(/\s+/g, ' ');
    const expected = region.groups.reduce((n, g) => n + g.expected, 0);
    const regionSubmitted = region.groups.reduce((n, g) => n + g.counts.submitted, 0);
    expect(regionText).toMatch(line(regionSubmitted, expected));
    expect(regionText).toContain(`${PUBLIC_URL}/regions/Y56/results?cycle=`);
  });
});

describe('choosing e-mail, and unsubscribing', () => {
  it('everyone gets e-mail of every kind until they turn it off; bad input is 400 with field messages', async () => {
    const prefs = (await leadClient.get('/api/notifications/preferences').expect(200))
      .body as NotificationPreferences;
    // Every kind but the invitation (which cannot be turned off), in the order of the page, all on.
    expect(prefs.items.map((p) => [p.kind, p.email])).toEqual(
      [
        'assignment',
        'ready-for-approval',
        'approval-recorded',
        'approval-withdrawn',
        'return-declined',
        'return-sealed',
        'return-reopened',
        'cycle-closing',
        'action-due',
        'action-overdue',
        'assignment-due',
        'assignment-overdue',
        'cycle-opened',
        'weekly-digest',
      ].map((kind) => [kind, true]),
    );
    const bad = await leadClient.put('/api/notifications/preferences', {
      items: [{ kind: 'invitation', email: 'no' }],
    });
    expect(bad.status).toBe(400);
    const fields = ((bad.body as ApiError).errors ?? []).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['items.0.kind', 'items.0.email']));
    const saved = (
      await leadClient
        .put('/api/notifications/preferences', { items: [{ kind: 'return-declined', email: false }] })
        .expect(200)
    ).body as NotificationPreferences;
    expect(saved.items.find((p) => p.kind === 'return-declined')!.email).toBe(false);
    // Turned off: the notice still comes, the e-mail does not.
    const ret = await readyReturn();
    await board.post(`/api/returns/${ret.id}/declines`, { reason: 'Quiet please' }).expect(201);
    const notices = (await leadClient.get('/api/notifications').expect(200)).body as NoticeList;
    expect(notices.items.some((n) => n.kind === 'return-declined' && n.link === `/returns/${ret.id}`)).toBe(
      true,
    );
    const [{ n }] = await t.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM email_delivery WHERE to_address = $1 AND kind = 'return-declined' AND text_body LIKE $2`,
      [leadUser.email, `%${ret.id}%`],
    );
    expect(n).toBe(0);
    await leadClient
      .put('/api/notifications/preferences', { items: [{ kind: 'return-declined', email: true }] })
      .expect(200);
  });

  it('one click on an e-mail’s unsubscribe works without signing in; a tampered token is 400', async () => {
    const ret = await readyReturn();
    await mail.waitFor(() => mail.to(boardUser.email).some((m) => m.text?.includes(ret.id)));
    const message = mail.to(boardUser.email).find((m) => m.text?.includes(ret.id))!;
    const oneClick = unsubscribeHeader(message).slice(1, -1);
    const path = oneClick.slice(PUBLIC_URL.length);
    // The web page's link in the body carries the same token.
    const token = new URL(oneClick).searchParams.get('token')!;
    expect(message.text).toContain(`${PUBLIC_URL}/unsubscribe?token=${token}`);
    const http = t.http;
    const info = (await http.get(`/api/notifications/unsubscribe?token=${token}`).expect(200))
      .body as UnsubscribeInfo;
    expect(info).toMatchObject({ kind: 'ready-for-approval', subscribed: true });
    expect(info.email).toMatch(/^u…@test\.wgll\.example$/);
    // What a mail program sends (RFC 8058): a form POST, no cookie, no form token.
    const done = await http
      .post(path)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect((done.body as UnsubscribeInfo).subscribed).toBe(false);
    const prefs = (await boardClient.get('/api/notifications/preferences').expect(200))
      .body as NotificationPreferences;
    expect(prefs.items.find((p) => p.kind === 'ready-for-approval')!.email).toBe(false);
    // Again: still unsubscribed, still 200.
    await http
      .post(path)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    const [payload, signature] = token.split('.');
    // The signature's last two characters changed (to ones it does not already end with: one in 4,096
    // signatures ends with "AA").
    const changedEnd = signature!.endsWith('AA') ? 'BB' : 'AA';
    const tampered = [
      `${payload}.${signature!.slice(0, -2)}${changedEnd}`,
      `${Buffer.from(`${leadUser.id}:ready-for-approval`).toString('base64url')}.${signature}`,
      'nonsense',
      `${Buffer.from(`${boardUser.id}:invitation`).toString('base64url')}.${signature}`,
    ];
    for (const bad of tampered) {
      const res = await http.post(`/api/notifications/unsubscribe?token=${encodeURIComponent(bad)}`).send({});
      expect(res.status).toBe(400);
      expect((res.body as ApiError).code).toBe('UNSUBSCRIBE_INVALID');
      expect((await http.get(`/api/notifications/unsubscribe?token=${encodeURIComponent(bad)}`)).status).toBe(
        400,
      );
    }
    expect((await http.post('/api/notifications/unsubscribe').send({})).status).toBe(400);
    await boardClient
      .put('/api/notifications/preferences', { items: [{ kind: 'ready-for-approval', email: true }] })
      .expect(200);
  });
});

describe('the e-mail queue, for national administrators', () => {
  it('lists sent e-mail; a failed one can be sent again, anything else is 409; others 403, signed out 401', async () => {
    // An e-mail of this test's own: work given to a new person, the newest e-mail sent.
    const person = await createUser(t, [{ role: 'trust-contributor', scopeCode: 'RJ1' }]);
    const ret = await newReturn();
    await lead
      .put(`/api/returns/${ret.id}/assignments`, { domainId: org.domains[0]!.id, userId: person.id })
      .expect(200);
    await mail.waitFor(() => mail.to(person.email).length > 0);
    const [received] = mail.to(person.email);
    const list = (await admin.get('/api/notifications/deliveries?status=sent&pageSize=5').expect(200))
      .body as EmailDeliveryList;
    expect(list.transport).toBe('smtp');
    expect(list).toMatchObject({ page: 1, pageSize: 5 });
    expect(list.items).toHaveLength(Math.min(5, list.total));
    expect(list.items.map((d) => d.status)).toEqual(list.items.map(() => 'sent'));
    const sent = list.items[0]!;
    expect(sent).toMatchObject({
      kind: 'assignment',
      to: person.email,
      subject: received!.subject,
      status: 'sent',
      attempts: 1,
      lastError: null,
    });
    const conflict = await admin.post(`/api/notifications/deliveries/${sent.id}/retry`);
    expect(conflict.status).toBe(409);
    expect((conflict.body as ApiError).code).toBe('DELIVERY_NOT_RETRYABLE');
    // A delivery that failed for good is sent again on request.
    await t.dataSource.query(
      `UPDATE email_delivery SET status = 'failed', last_error = 'test: mailbox full', sent_at = NULL WHERE id = $1`,
      [sent.id],
    );
    const failed = (await admin.get('/api/notifications/deliveries?status=failed&pageSize=100').expect(200))
      .body as EmailDeliveryList;
    expect(failed.items.find((d) => d.id === sent.id)).toMatchObject({ lastError: 'test: mailbox full' });
    await admin.post(`/api/notifications/deliveries/${sent.id}/retry`).expect(200);
    await mail.waitFor(() => mail.to(person.email).length === 2);
    expect(subjects(mail.to(person.email))).toEqual([received!.subject, received!.subject]);
    expect((await admin.get('/api/notifications/deliveries?status=bogus')).status).toBe(400);
    expect((await admin.post(`/api/notifications/deliveries/${crypto.randomUUID()}/retry`)).status).toBe(404);
    expect((await admin.post('/api/notifications/deliveries/not-an-id/retry')).status).toBe(400);
    expect((await lead.get('/api/notifications/deliveries')).status).toBe(403);
    expect((await lead.post(`/api/notifications/deliveries/${sent.id}/retry`)).status).toBe(403);
    const anonymous = await anonymousClient(t);
    expect((await anonymous.get('/api/notifications/deliveries')).status).toBe(401);
    expect((await anonymous.get('/api/notifications')).status).toBe(401);
    expect((await anonymous.get('/api/notifications/preferences')).status).toBe(401);
  });
});
