import { describe, expect, it } from '@jest/globals';
import type { AuditEvent } from '@wgll/contracts';
import { describeEvent } from './event-descriptions';

function event(action: AuditEvent['action'], details: Record<string, unknown>): AuditEvent {
  return {
    id: '1',
    occurredAt: '2026-11-05T10:00:00.000Z',
    actor: null,
    action,
    target: { type: 'return', id: 'r', label: 'RJ1 acute 2026/27', name: null },
    ip: null,
    userAgent: null,
    details,
  };
}

const noTitles = () => undefined;

describe('improvement plan events as sentences', () => {
  it('names the action and, for a change of state, the states in words', () => {
    expect(
      describeEvent(
        event('plan.action-updated', {
          title: 'Electronic prescribing',
          changes: { state: { before: 'not-started', after: 'in-progress' } },
        }),
        noTitles,
      ),
    ).toEqual({
      summary: 'Changed the action “Electronic prescribing” of the improvement plan',
      change: 'State: not started to in progress',
    });
    expect(
      describeEvent(
        event('plan.action-updated', { title: 'X', changes: { dueDate: {}, description: {} } }),
        noTitles,
      ).change,
    ).toBe('Changed: due date, description');
  });

  it('tells carried-forward actions, merges and approvals with or without the return', () => {
    expect(
      describeEvent(event('plan.carried-forward', { carried: 2, fromCycle: '2025/26' }), noTitles).summary,
    ).toBe('Carried 2 open actions forward from the 2025/26 improvement plan');
    expect(
      describeEvent(event('plan.actions-merged', { title: 'A', removed: [{ actionId: 'b' }] }), noTitles)
        .summary,
    ).toBe('Merged 1 action into “A” in the improvement plan');
    expect(
      describeEvent(event('plan.approved', { returnApprovalId: 'x', meetingDate: '2026-11-05' }), noTitles)
        .summary,
    ).toBe('Recorded the improvement plan with the board’s approval of the return');
    expect(describeEvent(event('plan.approved', { returnApprovalId: null }), noTitles).summary).toBe(
      'Recorded the board’s approval of the improvement plan',
    );
  });
});

describe('the board sending a return back', () => {
  it('gives the board’s comments and the meeting', () => {
    expect(
      describeEvent(
        event('return.declined', {
          reason: 'Check the cyber answers.',
          meetingDate: '2026-12-03',
          minuteReference: 'BM/2026/40',
        }),
        noTitles,
      ),
    ).toEqual({
      summary: 'Sent the return back to the team instead of approving it',
      change:
        'Board meeting on 3 December 2026, minute BM/2026/40. The board’s comments: Check the cyber answers.',
    });
  });
});
