import type { PeerCount, PeerLearning, PeerScope } from '@wgll/contracts';

import { careSettingLabels } from '../../lib/format';

/** "in your ICS (NHS South East London ICB)", for a named peer. */
export function scopeLabel(scope: PeerScope, data: Pick<PeerLearning, 'ics' | 'region'>): string {
  if (scope === 'ics') return `In your ICS${data.ics ? ` (${data.ics.name})` : ''}`;
  if (scope === 'region') return `In your region${data.region ? ` (${data.region.name})` : ''}`;
  return 'Elsewhere in England';
}

/** "4 other organisations", "fewer than 3 other organisations", "no other organisation". */
export function countPhrase(count: PeerCount): string {
  if (count.count === null) return `fewer than ${count.fewerThan} other organisations`;
  if (count.count === 0) return 'no other organisation';
  return `${count.count} other ${count.count === 1 ? 'organisation' : 'organisations'}`;
}

/** The sentence saying how many organisations not named meet an element, in each scope. */
export function othersSentences(others: Record<PeerScope, PeerCount>, data: PeerLearning): string[] {
  const setting = careSettingLabels[data.careSetting].toLowerCase();
  const where: Record<PeerScope, string> = {
    ics: data.ics ? `in your ICS (${data.ics.name})` : 'in your ICS',
    region: data.region ? `in your region (${data.region.name}, your ICS included)` : 'in your region',
    england: 'in England',
  };
  return (['ics', 'region', 'england'] as const).map(
    (scope) => `${capitalise(countPhrase(others[scope]))} with a ${setting} return ${where[scope]}`,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The action title: "Learn from <organisation>: <element>", within the plan's 500 characters. */
export function learnFromTitle(organisation: string, element: string): string {
  const title = `Learn from ${organisation}: ${element}`;
  return title.length <= 500 ? title : `${title.slice(0, 499)}…`;
}
