import type { ImportState } from '@wgll/contracts';
import { Tag } from 'nhsuk-react-components';

import { importStateLabels } from '../import-labels';

/** Whether an import's rows are results yet; the words carry the meaning, the colour repeats it. */
export function ImportStateTag({ state }: { state: ImportState }) {
  return <Tag modifier={state === 'applied' ? 'green' : 'orange'}>{importStateLabels[state]}</Tag>;
}
