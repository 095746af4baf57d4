import { describe, expect, it } from '@jest/globals';

import { othersSentences, scopeLabel, withCareSettingReturn } from './peer-labels';

const data = {
  careSetting: 'acute' as const,
  ics: { odsCode: 'QKK', name: 'NHS South East London ICB' },
  region: { odsCode: 'Y56', name: 'London' },
};

describe('othersSentences', () => {
  it('counts each place once: the ICS, elsewhere in the region, elsewhere in England', () => {
    expect(
      othersSentences(
        {
          ics: { count: null, fewerThan: 3 },
          region: { count: 4, fewerThan: null },
          england: { count: 0, fewerThan: null },
        },
        data,
      ),
    ).toEqual([
      'Fewer than 3 organisations with an acute return in your ICS (NHS South East London ICB) meet it',
      '4 organisations with an acute return elsewhere in your region (London) meet it',
      'No organisation with an acute return elsewhere in England meets it',
    ]);
  });

  it('reads without an ICS or region, and with a care setting not starting with a vowel', () => {
    expect(
      othersSentences(
        {
          ics: { count: 0, fewerThan: null },
          region: { count: 0, fewerThan: null },
          england: { count: 1205, fewerThan: null },
        },
        { careSetting: 'community', ics: null, region: null },
      )[2],
    ).toBe('1,205 organisations with a community return elsewhere in England meet it');
  });
});

describe('scopeLabel', () => {
  it('says where a named peer is, the places not overlapping', () => {
    expect(scopeLabel('ics', data)).toBe('In your ICS (NHS South East London ICB)');
    expect(scopeLabel('region', data)).toBe('Elsewhere in your region (London)');
    expect(scopeLabel('england', data)).toBe('Elsewhere in England');
  });
});

describe('withCareSettingReturn', () => {
  it('says "an" before a vowel', () => {
    expect(withCareSettingReturn('acute')).toBe('with an acute return');
    expect(withCareSettingReturn('ambulance')).toBe('with an ambulance return');
    expect(withCareSettingReturn('mental-health')).toBe('with a mental health return');
  });
});
