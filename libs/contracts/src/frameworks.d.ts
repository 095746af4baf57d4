import type { IsoDate } from './common.js';
import type { CareSetting } from './organisations.js';

/**
 * Framework versions as the API lists them. The full tree of a version is the `FrameworkVersion`
 * type of libs/framework (GET /api/frameworks/:id/versions/:version returns it, with the domains
 * filtered to one care setting when `careSetting` is given).
 */
export interface FrameworkVersionSummary {
  frameworkId: string;
  version: string;
  title: string;
  level: 'organisation' | 'system';
  status: 'draft' | 'published' | 'retired';
  publishedOn: IsoDate | null;
  domainCount: number;
  /** `bundled`: shipped with the product and loaded at start; `uploaded`: added through the API. */
  source: 'bundled' | 'uploaded';
  /** When a national administrator retired it: it cannot be chosen for a new cycle. Null while in use. */
  retiredAt: string | null;
}

export interface FrameworkVersionList {
  items: FrameworkVersionSummary[];
}

export interface FrameworkVersionQuery {
  careSetting?: CareSetting;
}

export interface FrameworkUploadResult {
  /** True when a new version was stored; false when an identical one was already there. */
  created: boolean;
  version: FrameworkVersionSummary;
}
