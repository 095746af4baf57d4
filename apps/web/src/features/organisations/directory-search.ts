import type { OrganisationListQuery, TrustType } from '@wgll/contracts';

import { isTrustType } from '../../lib/format';

/** The directory's state, as held in the address bar's query string. */
export interface DirectorySearch {
  q: string;
  region: string;
  ics: string;
  type: TrustType | '';
  /** The date asked about; empty means today. */
  at: string;
  includeClosed: boolean;
  page: number;
}

export const PAGE_SIZE = 20;

export function parseDirectorySearch(params: URLSearchParams): DirectorySearch {
  const type = params.get('type') ?? '';
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: params.get('q')?.trim() ?? '',
    region: params.get('region') ?? '',
    ics: params.get('ics') ?? '',
    type: isTrustType(type) ? type : '',
    at: params.get('at')?.trim() ?? '',
    includeClosed: params.get('includeClosed') === 'true',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The query string for a search; empty values and defaults are left out so links stay short. */
export function toSearchString(search: Partial<DirectorySearch>): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.region) params.set('region', search.region);
  if (search.ics) params.set('ics', search.ics);
  if (search.type) params.set('type', search.type);
  if (search.at) params.set('at', search.at);
  if (search.includeClosed) params.set('includeClosed', 'true');
  if (search.page && search.page > 1) params.set('page', String(search.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function toListQuery(search: DirectorySearch): OrganisationListQuery {
  return {
    q: search.q || undefined,
    region: search.region || undefined,
    ics: search.ics || undefined,
    type: search.type || undefined,
    at: search.at || undefined,
    includeClosed: search.includeClosed || undefined,
    page: search.page,
    pageSize: PAGE_SIZE,
  };
}

/** Whether the user has narrowed the directory at all (used to word the empty state). */
export function hasFilters(search: DirectorySearch): boolean {
  return Boolean(search.q || search.region || search.ics || search.type);
}
