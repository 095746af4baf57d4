import type { CompletionState } from '@wgll/contracts';
import { Tag } from 'nhsuk-react-components';

import { ReturnStateTag } from '../../../components/return-state-tag';
import { completionStateLabels } from '../results-labels';

/** How far a return has got, as a tag: a return's own state tag, or "Not started". */
export function CompletionTag({ state }: { state: CompletionState }) {
  return state === 'not-started' ? (
    <Tag modifier="white">{completionStateLabels[state]}</Tag>
  ) : (
    <ReturnStateTag state={state} />
  );
}
