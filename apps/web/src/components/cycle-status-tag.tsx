import type { CycleStatus } from '@wgll/contracts';
import { Tag, type TagProps } from 'nhsuk-react-components';

export const cycleStatusLabels: Record<CycleStatus, string> = {
  upcoming: 'Not yet open',
  open: 'Open',
  closed: 'Closed',
};

const modifiers: Record<CycleStatus, TagProps['modifier']> = {
  upcoming: 'blue',
  open: 'green',
  closed: 'grey',
};

/** A cycle's status as a tag; the words carry the meaning, the colour only repeats it. */
export function CycleStatusTag({ status }: { status: CycleStatus }) {
  return <Tag modifier={modifiers[status]}>{cycleStatusLabels[status]}</Tag>;
}
