export type PageNumberItem = number | 'ellipsis';

/**
 * The numbered links the NHS pagination pattern shows: the first and last pages, the current page
 * and its neighbours, with an ellipsis for each gap. For example page 6 of 11: 1 … 5 6 7 … 11.
 */
export function pageNumbers(current: number, totalPages: number): PageNumberItem[] {
  const wanted = new Set([1, totalPages, current - 1, current, current + 1]);
  const pages = [...wanted].filter((page) => page >= 1 && page <= totalPages).sort((a, b) => a - b);
  const items: PageNumberItem[] = [];
  let previous = 0;
  for (const page of pages) {
    if (page - previous === 2) items.push(page - 1);
    else if (page - previous > 2) items.push('ellipsis');
    items.push(page);
    previous = page;
  }
  return items;
}
