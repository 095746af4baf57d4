import type { ReactNode } from 'react';

interface ScrollingTableProps {
  /** Names the scrolling area for screen readers: usually the table's caption. */
  label: string;
  children: ReactNode;
}

/**
 * Wide tables (a column for each measure) scroll sideways on small screens. The area can take
 * focus, so keyboard users can scroll it too.
 */
export function ScrollingTable({ label, children }: ScrollingTableProps) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
    <div className="wgll-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
