import type { OperatingStatus } from '@wgll/contracts';
import { Tag, type TagProps } from 'nhsuk-react-components';

import { statusLabels } from '../lib/format';

const modifiers: Record<OperatingStatus, TagProps['modifier']> = {
  open: 'green',
  closed: 'grey',
  'not-yet-open': 'blue',
};

/** The operating status as a tag; the words carry the meaning, the colour only repeats it. */
export function StatusTag({ status }: { status: OperatingStatus }) {
  return <Tag modifier={modifiers[status]}>{statusLabels[status]}</Tag>;
}
