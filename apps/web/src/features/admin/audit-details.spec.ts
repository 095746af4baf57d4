import { describe, expect, it } from '@jest/globals';
import type { AuditEvent } from '@wgll/contracts';

import { describeActor, describeDetails, describeTarget } from './audit-details';

function event(action: AuditEvent['action'], details: AuditEvent['details']): AuditEvent {
  return {
    id: '1',
    occurredAt: '2026-04-02T13:02:00Z',
    actor: { id: 'u1', label: 'sam.jones@nhs.net', name: 'Sam Jones' },
    action,
    target: { type: 'user', id: 'u2', label: 'jo@nhs.net', name: 'Jo Bloggs' },
    ip: null,
    userAgent: null,
    details,
  };
}

describe('audit log details', () => {
  it('reads as sentences: roles by name, changes as "from … to …", never JSON', () => {
    expect(describeDetails({ role: 'trust-lead', scopeCode: 'RJ1' })).toBe(
      'Role: Trust lead. Scope code: RJ1.',
    );
    expect(describeDetails({ displayName: { before: 'Jo', after: 'Joanne' } })).toBe(
      'Display name changed from Jo to Joanne.',
    );
    const cycle = describeDetails({
      before: { opensOn: '2026-04-01', closesOn: '2026-06-30' },
      after: { opensOn: '2026-04-01', closesOn: '2026-07-31' },
    });
    expect(cycle).toBe('Closes on changed from 30 June 2026 to 31 July 2026.');
    expect(describeDetails({ nested: { a: 1, b: [1, 2] } })).not.toMatch(/[{}"[\]]/);
  });

  it('rounds long numbers', () => {
    expect(describeDetails({ overall: 2.857142857142857, rows: 12345 })).toBe('Overall: 2.9. Rows: 12,345.');
  });

  it('says what changed in a return as its history does', () => {
    const saved = event('return.answer-saved', {
      domainId: 'd1',
      before: null,
      after: {
        level: 3,
        met: ['a', 'b'],
        notApplicable: false,
        comment: '',
        confidence: 'high',
        evidenceIds: [],
      },
    });
    expect(describeDetails(saved.details, saved)).toBe(
      'Before: not answered. After: level 3, 2 elements met, confidence high.',
    );
  });

  it('says "none met" and an answer that is not yet one in plain English', () => {
    const answer = (after: Record<string, unknown>) =>
      describeDetails(
        { domainId: 'd1', before: null, after },
        event('return.answer-saved', { domainId: 'd1', before: null, after }),
      );
    const base = { met: [], notApplicable: false, comment: '', evidenceIds: [] };
    expect(answer({ ...base, level: 1, noneMet: true, confidence: 'low' })).toBe(
      'Before: not answered. After: level 1: none of the elements met yet, confidence low.',
    );
    expect(answer({ ...base, level: null, noneMet: false, comment: 'Draft note', confidence: 'high' })).toBe(
      'Before: not answered. After: not answered yet (nothing ticked), confidence high.',
    );
    expect(answer({ ...base, level: null, notApplicable: true, noneMet: false, confidence: null })).toBe(
      'Before: not answered. After: not applicable.',
    );
  });

  it('names people as other pages do, keeping the address only where there is no account', () => {
    const e = event('role.granted', {});
    expect(describeActor(e.actor)).toBe('Sam Jones');
    expect(describeTarget(e.target)).toBe('Jo Bloggs');
    expect(describeActor({ id: '', label: 'typed@example.com', name: null })).toBe('typed@example.com');
    expect(describeActor(null)).toBe('Nobody signed in');
  });
});
