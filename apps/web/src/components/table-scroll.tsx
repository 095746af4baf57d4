import { Table } from 'nhsuk-react-components';
import { useEffect, useLayoutEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';

import './table-scroll.css';

interface TableScrollProps {
  /**
   * Names the scrolling area for screen readers. Leave it out to name it by the caption of the
   * table inside (the area is then labelled by the caption element).
   */
  label?: string;
  children: ReactNode;
}

let captions = 0;

/**
 * A wide table scrolls sideways inside this area instead of widening the page (WCAG 1.4.10
 * reflow), with its first column (the organisation or measure) kept in view and its caption
 * wrapping within the window. It is a region named by the table's caption; while the table is
 * wider than the area, the area takes focus so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableScroll({ label, children }: TableScrollProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [captionId, setCaptionId] = useState<string | undefined>(undefined);
  const [scrolls, setScrolls] = useState(false);

  // Without a label, the area is named by the caption of the table inside it.
  useLayoutEffect(() => {
    if (label !== undefined) return;
    const caption = ref.current?.querySelector('caption');
    if (!caption) return;
    if (!caption.id) caption.id = `wgll-table-caption-${(captions += 1)}`;
    setCaptionId(caption.id);
  }, [label, children]);

  // Whether the table is wider than the area, once laid out and whenever either changes size. The
  // observer reports each element's first size too, after the browser's own layout: measuring
  // straight after rendering would make the browser lay the page out an extra time.
  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    const measure = () => setScrolls(area.scrollWidth > area.clientWidth + 1);
    if (typeof ResizeObserver === 'undefined') {
      measure();
      return;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(area);
    for (const child of area.children) observer.observe(child);
    return () => observer.disconnect();
  }, [children]);

  return (
    <div
      ref={ref}
      className="wgll-table-scroll"
      role="region"
      aria-label={label}
      aria-labelledby={label === undefined ? captionId : undefined}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
      tabIndex={scrolls ? 0 : undefined}
    >
      {children}
    </div>
  );
}

type WideTableProps = ComponentProps<typeof Table> & {
  /** Names the scrolling area; by default the table's caption does. */
  areaLabel?: string;
};

/**
 * The NHS table inside a scrolling area: use it in place of `Table` for a table that can be wider
 * than a phone (its rows and cells are still `Table.Row`, `Table.Cell`…).
 */
export function WideTable({ areaLabel, ...props }: WideTableProps) {
  return (
    <TableScroll label={areaLabel}>
      <Table {...props} />
    </TableScroll>
  );
}
