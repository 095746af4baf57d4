import type { NotificationKind } from '@wgll/contracts';

/** What a message says, before it is rendered as text and HTML. */
export interface MessageContent {
  subject: string;
  /** The first paragraph: also the in-app notice. */
  summary: string;
  /** Further paragraphs. */
  details: string[];
  /** The page that needs action: a path in the web app (or an absolute address) and the link's words. */
  action: { href: string; label: string } | null;
}

export interface ReturnFacts {
  returnId: string;
  /** "RJ1 acute 2026/27". */
  label: string;
  /** The trust's or ICB's name. */
  ownerName: string;
  cycleName: string;
  actorName: string;
}

export type TemplateInput =
  | { kind: 'invitation'; displayName: string; url: string; expiresAt: Date; invitedBy: string }
  | { kind: 'assignment'; ret: ReturnFacts; what: string; dueDate: string | null }
  | { kind: 'ready-for-approval'; ret: ReturnFacts }
  | { kind: 'approval-recorded'; ret: ReturnFacts; meetingDate: string }
  | { kind: 'approval-withdrawn'; ret: ReturnFacts; reason: string }
  | { kind: 'return-declined'; ret: ReturnFacts; reason: string }
  | { kind: 'return-sealed'; ret: ReturnFacts }
  | { kind: 'return-reopened'; ret: ReturnFacts; reason: string }
  | {
      kind: 'cycle-closing';
      cycleName: string;
      closesOn: string;
      daysLeft: number;
      ownerName: string;
      href: string;
    }
  | { kind: 'action-due'; title: string; dueDate: string; daysLeft: number; href: string }
  | { kind: 'action-overdue'; title: string; dueDate: string; href: string }
  | {
      kind: 'assignment-due';
      title: string;
      ownerName: string;
      cycleName: string;
      dueDate: string;
      daysLeft: number;
      href: string;
    }
  | {
      kind: 'assignment-overdue';
      title: string;
      ownerName: string;
      cycleName: string;
      dueDate: string;
      href: string;
    }
  | {
      kind: 'cycle-opened';
      cycleName: string;
      opensOn: string;
      closesOn: string;
      ownerName: string;
      href: string;
    }
  | { kind: 'weekly-digest'; weekOf: string; areas: DigestArea[]; href: string; linkLabel: string };

/** One ICS or region in one open cycle, as the weekly digest tells it. */
export interface DigestArea {
  /** "Gloucestershire ICS" or "South West". */
  name: string;
  cycleName: string;
  closesOn: string;
  submitted: number;
  expected: number;
  /** In the past 7 days. */
  sealedLately: number;
  approvedLately: number;
}

type Templates = { [K in NotificationKind]: (input: Extract<TemplateInput, { kind: K }>) => MessageContent };
type ReminderKind =
  | 'cycle-closing'
  | 'action-due'
  | 'action-overdue'
  | 'assignment-due'
  | 'assignment-overdue'
  | 'cycle-opened'
  | 'weekly-digest';
type ActionTemplates = Omit<Templates, ReminderKind>;

const returnPage = (ret: ReturnFacts, page = '') => `/returns/${ret.returnId}${page}`;
const longDate = (date: Date) =>
  date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });

/** One template per kind: plain English, saying what happened, to what, and what to do next. */
const ACTIONS: ActionTemplates = {
  invitation: ({ displayName, url, expiresAt, invitedBy }) => ({
    subject: 'Set up your account for What Good Looks Like',
    summary: `${invitedBy} has invited you, ${displayName}, to the What Good Looks Like digital maturity platform.`,
    details: [
      `Use the link to choose a password. It works once, until ${longDate(expiresAt)}.`,
      'If you were not expecting this, you can ignore this e-mail.',
    ],
    action: { href: url, label: 'Set up your account' },
  }),
  assignment: ({ ret, what, dueDate }) => ({
    subject: `You have been given ${what} on the ${ret.ownerName} return`,
    summary: `${ret.actorName} has given you ${what} on the ${ret.ownerName} return for ${ret.cycleName}.`,
    details: [
      dueDate
        ? `Please answer it by ${longDate(new Date(`${dueDate}T12:00:00Z`))}: the trust lead sees your progress.`
        : 'Answer it when you are ready: the trust lead sees your progress.',
    ],
    action: { href: '/assignments', label: 'See your assignments' },
  }),
  'ready-for-approval': ({ ret }) => ({
    subject: `The ${ret.ownerName} return is ready for board approval`,
    summary: `${ret.actorName} has marked the ${ret.ownerName} return for ${ret.cycleName} ready for board approval.`,
    details: ['Review the answers, then record the board’s approval or send the return back with comments.'],
    action: { href: returnPage(ret, '/approval'), label: 'Review the return for approval' },
  }),
  'approval-recorded': ({ ret, meetingDate }) => ({
    subject: `The board has approved the ${ret.ownerName} return`,
    summary: `${ret.actorName} has recorded the board’s approval (meeting of ${longDate(new Date(meetingDate))}) of the ${ret.ownerName} return for ${ret.cycleName}.`,
    details: ['The trust lead can now submit it.'],
    action: { href: returnPage(ret, '/submit'), label: 'Submit the return' },
  }),
  'approval-withdrawn': ({ ret, reason }) => ({
    subject: `The board’s approval of the ${ret.ownerName} return was withdrawn`,
    summary: `The board’s approval of the ${ret.ownerName} return for ${ret.cycleName} was withdrawn. ${reason}`,
    details: [
      'The return is awaiting the board’s approval again: it cannot be submitted until the board approves it.',
    ],
    action: { href: returnPage(ret, '/approval'), label: 'Review the return for approval' },
  }),
  'return-declined': ({ ret, reason }) => ({
    subject: `The board has sent the ${ret.ownerName} return back`,
    summary: `${ret.actorName} has sent the ${ret.ownerName} return for ${ret.cycleName} back to the team.`,
    details: [`The board’s comments: ${reason}`],
    action: { href: returnPage(ret), label: 'Open the return' },
  }),
  'return-sealed': ({ ret }) => ({
    subject: `The ${ret.ownerName} return has been submitted`,
    summary: `${ret.actorName} has submitted the ${ret.ownerName} return for ${ret.cycleName}. It is sealed and can no longer change.`,
    details: ['Its scores now count in the results.'],
    action: { href: returnPage(ret), label: 'See the submitted return' },
  }),
  'return-reopened': ({ ret, reason }) => ({
    subject: `The ${ret.ownerName} return has been reopened`,
    summary: `${ret.actorName} has reopened the submitted ${ret.ownerName} return for ${ret.cycleName}.`,
    details: [`The reason given: ${reason}`, 'The team can change it, and the board must approve it again.'],
    action: { href: returnPage(ret), label: 'Open the return' },
  }),
};

const dayDate = (date: string) => longDate(new Date(`${date}T12:00:00Z`));
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const inDays = (n: number) => (n <= 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`);

/** Reminders (scheduled, not prompted by someone's action). */
const REMINDERS: Pick<Templates, ReminderKind> = {
  'cycle-closing': ({ cycleName, closesOn, daysLeft, ownerName, href }) => ({
    subject: `The ${cycleName} cycle closes ${inDays(daysLeft)}: the ${ownerName} return is not yet submitted`,
    summary: `The ${cycleName} assessment cycle closes on ${dayDate(closesOn)}, ${inDays(daysLeft)}. The ${ownerName} return has not been submitted yet.`,
    details: [
      'After the cycle closes nobody can change or submit a return in it. Finish the answers, have the board approve the return, then submit it.',
    ],
    action: { href, label: `See the ${ownerName} returns` },
  }),
  'action-due': ({ title, dueDate, daysLeft, href }) => ({
    subject: `Your action “${title}” is due ${inDays(daysLeft)}`,
    summary: `The action “${title}” of an improvement plan, which you own, is due on ${dayDate(dueDate)}, ${inDays(daysLeft)}.`,
    details: ['Update its state when it is done, or say what is blocking it.'],
    action: { href, label: 'Open the action' },
  }),
  'action-overdue': ({ title, dueDate, href }) => ({
    subject: `Your action “${title}” is overdue`,
    summary: `The action “${title}” of an improvement plan, which you own, was due on ${dayDate(dueDate)} and is not done.`,
    details: ['Update its state, say what is blocking it, or ask the trust lead to move its due date.'],
    action: { href, label: 'Open the action' },
  }),
  'assignment-due': ({ title, ownerName, cycleName, dueDate, daysLeft, href }) => ({
    subject: `Your work on ${title} for the ${ownerName} return is due ${inDays(daysLeft)}`,
    summary: `You were given ${title} on the ${ownerName} return for ${cycleName}. It is due on ${dayDate(dueDate)}, ${inDays(daysLeft)}, and some of it is not yet answered.`,
    details: ['Answer what is left, or tell the trust lead if you cannot finish it in time.'],
    action: { href, label: `Answer ${title}` },
  }),
  'assignment-overdue': ({ title, ownerName, cycleName, dueDate, href }) => ({
    subject: `Your work on ${title} for the ${ownerName} return is overdue`,
    summary: `You were given ${title} on the ${ownerName} return for ${cycleName}. It was due on ${dayDate(dueDate)} and some of it is not yet answered.`,
    details: ['Answer what is left, or ask the trust lead to move its due date.'],
    action: { href, label: `Answer ${title}` },
  }),
  'cycle-opened': ({ cycleName, opensOn, closesOn, ownerName, href }) => ({
    subject: `The ${cycleName} assessment cycle is open`,
    summary: `The ${cycleName} assessment cycle opened on ${dayDate(opensOn)}. The ${ownerName} returns can be started now, and must be submitted by ${dayDate(closesOn)}.`,
    details: [
      'Start the returns, give the work to your colleagues, then have the board approve each return before you submit it.',
    ],
    action: { href, label: `See the ${ownerName} returns` },
  }),
  'weekly-digest': ({ weekOf, areas, href, linkLabel }) => ({
    subject: `Your weekly summary of returns, week of ${dayDate(weekOf)}`,
    summary: `How the returns in your area are going, week of ${dayDate(weekOf)}.`,
    details: areas.map(
      (a) =>
        `${a.name}, ${a.cycleName} (closes ${dayDate(a.closesOn)}): ${a.submitted} of ${a.expected} returns submitted. In the past 7 days: ${count(a.sealedLately, 'return')} submitted, ${count(a.approvedLately, 'return')} approved by the board.`,
    ),
    action: { href, label: linkLabel },
  }),
};

export const TEMPLATES: Templates = { ...ACTIONS, ...REMINDERS };

export function compose(input: TemplateInput): MessageContent {
  return (TEMPLATES[input.kind] as (input: TemplateInput) => MessageContent)(input);
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The absolute address of an action's page: paths are joined to PUBLIC_URL. */
export function absolute(href: string, publicUrl: string): string {
  return /^https?:\/\//.test(href) ? href : `${publicUrl}${href}`;
}

/**
 * Plain text and accessible HTML (language, a heading, a real link with words that say where it goes,
 * no images, no layout tables) of one message, with its unsubscribe link when it has one.
 */
export function render(
  content: MessageContent,
  recipientName: string,
  publicUrl: string,
  unsubscribeUrl: string | null,
): RenderedMail {
  const link = content.action ? absolute(content.action.href, publicUrl) : null;
  const greeting = `Dear ${recipientName || 'colleague'},`;
  const footer = unsubscribeUrl
    ? `You get this e-mail because of your role on the What Good Looks Like platform. To stop e-mails like this one, unsubscribe: ${unsubscribeUrl}`
    : 'You get this e-mail because of your role on the What Good Looks Like platform.';
  const text = [
    greeting,
    content.summary,
    ...content.details,
    ...(link && content.action ? [`${content.action.label}: ${link}`] : []),
    '-- ',
    footer,
  ].join('\n\n');
  const p = (s: string) => `<p style="font-size:19px;line-height:1.5">${escapeHtml(s)}</p>`;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family:Arial,sans-serif;color:#212b32;max-width:640px;margin:0 auto;padding:16px">',
    '<main>',
    `<h1 style="font-size:28px">${escapeHtml(content.subject)}</h1>`,
    p(greeting),
    p(content.summary),
    ...content.details.map(p),
    ...(link && content.action
      ? [
          `<p style="font-size:19px"><a href="${escapeHtml(link)}" style="color:#005eb8">${escapeHtml(content.action.label)}</a></p>`,
          `<p style="font-size:16px">Or copy this address into your browser: ${escapeHtml(link)}</p>`,
        ]
      : []),
    '</main>',
    '<footer><hr>',
    unsubscribeUrl
      ? `<p style="font-size:16px">You get this e-mail because of your role on the What Good Looks Like platform. <a href="${escapeHtml(unsubscribeUrl)}" style="color:#005eb8">Unsubscribe from e-mails like this one</a>.</p>`
      : '<p style="font-size:16px">You get this e-mail because of your role on the What Good Looks Like platform.</p>',
    '</footer></body></html>',
  ].join('\n');
  return { subject: content.subject, text, html };
}
