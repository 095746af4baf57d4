import { describe, expect, it } from '@jest/globals';
import type { NotificationKind } from '@wgll/contracts';
import { NOTIFICATION_KINDS } from './notification-kinds.js';
import { compose, render, TEMPLATES, type ReturnFacts, type TemplateInput } from './templates.js';

const ret: ReturnFacts = {
  returnId: '0b7f4a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  label: 'RJ1 acute 2026/27',
  ownerName: "Guy's & St Thomas' <NHS>",
  cycleName: '2026/27',
  actorName: 'Sam Lead',
};

const inputs: Record<NotificationKind, TemplateInput> = {
  invitation: {
    kind: 'invitation',
    displayName: 'Ivy',
    url: 'https://wgll.example/invitations/abc',
    expiresAt: new Date('2026-12-12T12:00:00Z'),
    invitedBy: 'admin@nhs.net',
  },
  assignment: { kind: 'assignment', ret, what: 'the domain well-led', dueDate: '2027-01-12' },
  'ready-for-approval': { kind: 'ready-for-approval', ret },
  'approval-recorded': { kind: 'approval-recorded', ret, meetingDate: '2026-11-30' },
  'approval-withdrawn': { kind: 'approval-withdrawn', ret, reason: 'The return changed.' },
  'return-declined': { kind: 'return-declined', ret, reason: 'More evidence' },
  'return-sealed': { kind: 'return-sealed', ret },
  'return-reopened': { kind: 'return-reopened', ret, reason: 'A mistake' },
  'action-due': {
    kind: 'action-due',
    title: 'Buy <kit>',
    dueDate: '2027-01-10',
    daysLeft: 3,
    href: '/returns/x/plan/actions/y',
  },
  'action-overdue': {
    kind: 'action-overdue',
    title: 'Buy <kit>',
    dueDate: '2027-01-10',
    href: '/returns/x/plan/actions/y',
  },
  'assignment-due': {
    kind: 'assignment-due',
    title: 'Records <and> apps',
    ownerName: "Guy's & St Thomas' <NHS>",
    cycleName: '2026/27',
    dueDate: '2027-01-10',
    daysLeft: 3,
    href: '/returns/x/measures/m1',
  },
  'assignment-overdue': {
    kind: 'assignment-overdue',
    title: 'Records <and> apps',
    ownerName: "Guy's & St Thomas' <NHS>",
    cycleName: '2026/27',
    dueDate: '2027-01-10',
    href: '/returns/x/measures/m1',
  },
  'cycle-opened': {
    kind: 'cycle-opened',
    cycleName: '2026/27',
    opensOn: '2026-04-01',
    closesOn: '2027-03-31',
    ownerName: "Guy's & St Thomas' <NHS>",
    href: '/organisations/RJ1/returns',
  },
  'weekly-digest': {
    kind: 'weekly-digest',
    weekOf: '2026-12-07',
    areas: [
      {
        name: 'South <West>',
        cycleName: '2026/27',
        closesOn: '2027-03-31',
        submitted: 3,
        expected: 12,
        sealedLately: 1,
        approvedLately: 2,
      },
    ],
    href: '/regions/Y58/results',
    linkLabel: 'See the South West results',
  },
  'cycle-closing': {
    kind: 'cycle-closing',
    cycleName: '2026/27',
    closesOn: '2027-03-31',
    daysLeft: 7,
    ownerName: "Guy's & St Thomas' <NHS>",
    href: '/organisations/RJ1/returns',
  },
};

describe('message templates', () => {
  it('there is one per kind', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual(Object.keys(NOTIFICATION_KINDS).sort());
  });

  it.each(Object.keys(inputs) as NotificationKind[])(
    '%s: plain text and accessible HTML, with the link',
    (kind) => {
      const content = compose(inputs[kind]);
      expect(content.subject.length).toBeGreaterThan(10);
      expect(content.action).not.toBeNull();
      const mail = render(
        content,
        'Jo Bloggs',
        'https://wgll.example',
        'https://wgll.example/unsubscribe?token=t',
      );
      const link = content.action!.href.startsWith('http')
        ? content.action!.href
        : `https://wgll.example${content.action!.href}`;
      expect(mail.text).toContain('Dear Jo Bloggs,');
      expect(mail.text).toContain(`${content.action!.label}: ${link}`);
      expect(mail.text).toContain('unsubscribe: https://wgll.example/unsubscribe?token=t');
      expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
      expect(mail.html).toContain('<h1');
      expect(mail.html).toContain(`<a href="${link}"`);
      // What people typed is escaped in the HTML.
      expect(mail.html).not.toContain('<NHS>');
    },
  );

  it('says what the board said, and when the invitation link stops working', () => {
    expect(compose(inputs['return-declined']).details.join(' ')).toContain('More evidence');
    expect(compose(inputs.invitation).details[0]).toContain('12 December 2026');
  });

  it('work given says by when it is due, when it has a due date', () => {
    expect(compose(inputs.assignment).details[0]).toContain('Please answer it by 12 January 2027');
    const undated = {
      ...(inputs.assignment as Extract<TemplateInput, { kind: 'assignment' }>),
      dueDate: null,
    };
    expect(compose(undated).details[0]).toBe(
      'Answer it when you are ready: the trust lead sees your progress.',
    );
  });

  it('a cycle closing says when, and how many days are left', () => {
    const content = compose(inputs['cycle-closing']);
    expect(content.subject).toMatch(/^The 2026\/27 cycle closes in 7 days: /);
    expect(content.summary).toContain('31 March 2027, in 7 days');
    expect(
      compose({
        ...(inputs['cycle-closing'] as Extract<TemplateInput, { kind: 'cycle-closing' }>),
        daysLeft: 1,
      }).subject,
    ).toContain('closes tomorrow');
  });

  it('a message nobody can unsubscribe from has no unsubscribe link', () => {
    const mail = render(compose(inputs.invitation), 'Ivy', 'https://wgll.example', null);
    expect(mail.text).not.toContain('unsubscribe');
    expect(mail.html).not.toContain('Unsubscribe');
  });
});
