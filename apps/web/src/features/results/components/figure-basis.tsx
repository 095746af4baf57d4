import type { FigureBasis } from '@wgll/contracts';

import { describeBasis, type BasisOptions } from '../figures';

interface FigureBasisNoteProps extends BasisOptions {
  basis: FigureBasis;
}

/** Says what the figure or table above is: cycle, care setting, source, count and aggregation. */
export function FigureBasisNote({ basis, ...options }: FigureBasisNoteProps) {
  return <p className="wgll-figure-basis">{describeBasis(basis, options)}</p>;
}
