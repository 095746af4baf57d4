import type { CareSetting, PeerCount, PeerLearning, PeerScope } from '@wgll/contracts';

import { careSettingLabels, pluralise, sentenceCase } from '../../lib/format';

/** "In your ICS (NHS South East London ICB)", "Elsewhere in your region (London)", for a named peer. */
export function scopeLabel(scope: PeerScope, data: Pick<PeerLearning, 'ics' | 'region'>): string {
  return sentenceCase(place(scope, data));
}

/** Where a peer is: the places do not overlap (the region's phrase leaves the ICS out, and so on). */
function place(scope: PeerScope, data: Pick<PeerLearning, 'ics' | 'region'>): string {
  if (scope === 'ics') return `in your ICS${data.ics ? ` (${data.ics.name})` : ''}`;
  if (scope === 'region') return `elsewhere in your region${data.region ? ` (${data.region.name})` : ''}`;
  return 'elsewhere in England';
}

/** "with an acute return", "with a community return". */
export function withCareSettingReturn(careSetting: CareSetting): string {
  const setting = careSettingLabels[careSetting].toLowerCase();
  return `with ${/^[aeiou]/.test(setting) ? 'an' : 'a'} ${setting} return`;
}

/**
 * How many organisations not named meet an element, place by place: "Fewer than 3 organisations
 * with an acute return in your ICS (…) meet it", "4 organisations with an acute return elsewhere in
 * your region (London) meet it", "No organisation with an acute return elsewhere in England meets
 * it". The places do not overlap, so no count can be worked out from two others.
 */
export function othersSentences(
  others: Record<PeerScope, PeerCount>,
  data: Pick<PeerLearning, 'careSetting' | 'ics' | 'region'>,
): string[] {
  const withReturn = withCareSettingReturn(data.careSetting);
  return (['ics', 'region', 'england'] as const).map((scope) => {
    const { count, fewerThan } = others[scope];
    const who =
      count === null
        ? `Fewer than ${fewerThan} organisations`
        : count === 0
          ? 'No organisation'
          : pluralise(count, 'organisation');
    const verb = count === 1 || count === 0 ? 'meets' : 'meet';
    return `${who} ${withReturn} ${place(scope, data)} ${verb} it`;
  });
}

/** The action title: "Learn from <organisation>: <element>", within the plan's 500 characters. */
export function learnFromTitle(organisation: string, element: string): string {
  const title = `Learn from ${organisation}: ${element}`;
  return title.length <= 500 ? title : `${title.slice(0, 499)}…`;
}
