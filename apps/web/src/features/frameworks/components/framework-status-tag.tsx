import type { FrameworkStatus } from '@wgll/framework';
import { Tag, type TagProps } from 'nhsuk-react-components';

import { frameworkStatusLabels } from '../framework-labels';

const modifiers: Record<FrameworkStatus, TagProps['modifier']> = {
  draft: 'yellow',
  published: 'green',
  retired: 'grey',
};

/** A framework version's status as a tag; the words carry the meaning, the colour only repeats it. */
export function FrameworkStatusTag({ status }: { status: FrameworkStatus }) {
  return <Tag modifier={modifiers[status]}>{frameworkStatusLabels[status]}</Tag>;
}
