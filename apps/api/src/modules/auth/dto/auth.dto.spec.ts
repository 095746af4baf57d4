import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { safeReturnTo, SignInDto } from './auth.dto.js';

describe('safeReturnTo', () => {
  it('keeps a path on this site', () => {
    expect(safeReturnTo('/returns/1?tab=review')).toBe('/returns/1?tab=review');
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    'https://evil.example',
    '/\t/evil.example',
    '/a\r\nSet-Cookie: x',
    '/a\u007f',
    '',
  ])('sends %j home instead', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});

describe('SignInDto', () => {
  it('checks the length of the email as it is stored: lower-casing can lengthen it', async () => {
    // 134 characters as typed, 262 once lower-cased ("İ" becomes "i̇"): past the column's 254.
    const dto = plainToInstance(SignInDto, { email: `${'İ'.repeat(128)}@x.nhs`, password: 'x' });
    expect(dto.email.length).toBe(262);
    const errors = await validate(dto);
    expect(errors.map((e) => e.property)).toEqual(['email']);
  });

  it('normalises the email it accepts', async () => {
    const dto = plainToInstance(SignInDto, { email: '  Jo.Bloggs@NHS.net ', password: 'x' });
    expect(dto.email).toBe('jo.bloggs@nhs.net');
    expect(await validate(dto)).toEqual([]);
  });
});
