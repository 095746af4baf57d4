import type { ActionState } from '@wgll/contracts';
import { Tag, type TagProps } from 'nhsuk-react-components';

import { actionStateLabels } from '../lib/plan-labels';

const modifiers: Record<ActionState, TagProps['modifier']> = {
  'not-started': 'grey',
  'in-progress': 'blue',
  done: 'green',
  blocked: 'red',
};

/** An improvement plan action's state as a tag; the words carry the meaning, the colour only repeats it. */
export function ActionStateTag({ state }: { state: ActionState }) {
  return <Tag modifier={modifiers[state]}>{actionStateLabels[state]}</Tag>;
}
