import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { quicklyChecked } from '../../../common/validation.js';
import { todayInLondon } from '../../../common/iso-date.js';
import { AnswerParams, ApproveDto, DeclineDto, SaveAnswerDto } from './returns.dto.js';

const EVIDENCE = '3f1c2a4e-8b7d-4c6a-9e5f-1a2b3c4d5e6f';

/** What the global pipe's class-validator pass says of `value` (whitelist, forbidNonWhitelisted). */
function passes(dto: new () => object, value: object): boolean {
  const errors = validateSync(plainToInstance(dto, value), { whitelist: true, forbidNonWhitelisted: true });
  return errors.length === 0;
}

const valid = {
  baseVersion: 3,
  met: ['e1', 'e2'],
  notApplicable: false,
  noneMet: false,
  comment: 'Board paper 📄',
  confidence: 'medium',
  evidenceIds: [EVIDENCE],
};

/** Each field replaced by values of the wrong kind, at the edge of its limits, or left out. */
const variants: Record<string, unknown[]> = {
  baseVersion: [0, 2_147_483_647, 2_147_483_648, -1, 1.5, '3', null, undefined, Number.NaN, true],
  met: [
    [],
    ['x'.repeat(100)],
    ['x'.repeat(101)],
    Array(200).fill('e'),
    Array(201).fill('e'),
    [1],
    'e1',
    null,
    undefined,
    [null],
  ],
  notApplicable: [true, false, 'false', 0, null, undefined],
  noneMet: [true, false, 1, null, undefined],
  comment: [
    '',
    'x'.repeat(10_000),
    'x'.repeat(10_001),
    '😀'.repeat(5_000),
    '😀'.repeat(5_001),
    5,
    null,
    undefined,
  ],
  confidence: ['low', 'high', 'LOW', 'none', '', null, undefined, 1],
  evidenceIds: [
    [],
    Array(100).fill(EVIDENCE),
    Array(101).fill(EVIDENCE),
    ['not-a-uuid'],
    [EVIDENCE.toUpperCase()],
    ['00000000-0000-0000-0000-000000000000'],
    ['3f1c2a4e-8b7d-0c6a-9e5f-1a2b3c4d5e6f'],
    [1],
    null,
    undefined,
  ],
};

function* bodies(): Generator<Record<string, unknown>> {
  yield valid;
  for (const [field, values] of Object.entries(variants)) {
    for (const value of values) {
      const body: Record<string, unknown> = { ...valid, [field]: value };
      if (value === undefined) delete body[field];
      yield body;
    }
  }
  yield { ...valid, extra: 1 };
  yield { ...valid, constructor: 'x' };
}

describe('the quick check of an answer save', () => {
  it('accepts a body only when class-validator does, and builds the same DTO', () => {
    let accepted = 0;
    for (const body of bodies()) {
      const quick = quicklyChecked(SaveAnswerDto, body);
      if (quick) {
        accepted += 1;
        expect(passes(SaveAnswerDto, body)).toBe(true);
        expect(quick).toBeInstanceOf(SaveAnswerDto);
        expect({ ...quick }).toEqual({ ...plainToInstance(SaveAnswerDto, body) });
      }
    }
    // The usual saves do take the quick way.
    expect(accepted).toBeGreaterThan(20);
    expect(quicklyChecked(SaveAnswerDto, valid)).toBeDefined();
  });

  it('accepts route params only when class-validator does', () => {
    const id = EVIDENCE;
    const params = [
      { id, domainId: 'm1-d1' },
      { id, domainId: 'a.b-c' },
      { id, domainId: 'x'.repeat(100) },
      { id, domainId: 'x'.repeat(101) },
      { id, domainId: 'A1' },
      { id, domainId: 'a--b' },
      { id, domainId: '' },
      { id: 'nope', domainId: 'm1-d1' },
      { id: '3f1c2a4e-8b7d-0c6a-9e5f-1a2b3c4d5e6f', domainId: 'm1-d1' },
      { id, domainId: 'm1-d1', more: 'x' },
      { domainId: 'm1-d1' },
    ];
    for (const p of params) {
      if (quicklyChecked(AnswerParams, p)) expect(passes(AnswerParams, p)).toBe(true);
    }
    expect(quicklyChecked(AnswerParams, params[0]!)).toBeInstanceOf(AnswerParams);
  });
});

/** The messages class-validator gives for each field of `value`. */
function messages(dto: new () => object, value: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(dto, value), { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

describe('a board meeting date (approving, sending back)', () => {
  const today = todayInLondon();
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  it('is today or in the past', () => {
    expect(messages(ApproveDto, { meetingDate: today, minuteReference: 'M1' })).toEqual({});
    expect(messages(ApproveDto, { meetingDate: '2020-02-29', minuteReference: 'M1' })).toEqual({});
    expect(messages(ApproveDto, { meetingDate: tomorrow, minuteReference: 'M1' })).toEqual({
      meetingDate: ['The date of the board meeting must be today or in the past'],
    });
    expect(messages(ApproveDto, { meetingDate: '2021-02-29', minuteReference: 'M1' })).toEqual({
      meetingDate: ['meetingDate must be a real date written YYYY-MM-DD, for example 2025-06-30'],
    });
  });

  it('is optional when the board sends a return back; the reason is not', () => {
    expect(messages(DeclineDto, { reason: 'Add evidence' })).toEqual({});
    expect(messages(DeclineDto, { reason: 'Why', meetingDate: tomorrow })).toEqual({
      meetingDate: ['The date of the board meeting must be today or in the past'],
    });
    expect(messages(DeclineDto, { reason: ' \n ' })['reason']).toEqual([
      'Enter why the board is sending the return back',
    ]);
    expect(messages(DeclineDto, { reason: '😀'.repeat(1000) })).toEqual({});
    expect(messages(DeclineDto, { reason: 'x'.repeat(2001) })['reason']).toEqual([
      'The reason must be 2,000 characters or fewer',
    ]);
  });
});
