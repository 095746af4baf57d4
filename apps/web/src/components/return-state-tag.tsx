import type { ReturnState } from '@wgll/contracts';
import { Tag, type TagProps } from 'nhsuk-react-components';

import { returnStateLabels } from '../lib/format';

const modifiers: Record<ReturnState, TagProps['modifier']> = {
  draft: 'grey',
  'awaiting-approval': 'blue',
  approved: 'green',
  submitted: 'purple',
};

/** A return's state as a tag; the words carry the meaning, the colour only repeats it. */
export function ReturnStateTag({ state }: { state: ReturnState }) {
  return <Tag modifier={modifiers[state]}>{returnStateLabels[state]}</Tag>;
}
