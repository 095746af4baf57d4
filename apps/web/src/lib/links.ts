import type { ReturnSummary } from '@wgll/contracts';

/** Adds `?at=` to a link when the user chose a date, so following links keeps the date. */
export function withAt(path: string, at: string | undefined): string {
  return at ? `${path}?at=${encodeURIComponent(at)}` : path;
}

export const organisationPath = (code: string, at?: string) => withAt(`/organisations/${code}`, at);
export const icsPath = (code: string, at?: string) => withAt(`/ics/${code}`, at);
/** A trust's assessment returns, optionally for one cycle. */
export const organisationReturnsPath = (code: string, cycleId?: string) =>
  `/organisations/${encodeURIComponent(code)}/returns${cycleId ? `?cycle=${encodeURIComponent(cycleId)}` : ''}`;
/** An ICB's own (system-level) assessment returns, optionally for one cycle. */
export const icsReturnsPath = (code: string, cycleId?: string) =>
  `/ics/${encodeURIComponent(code)}/returns${cycleId ? `?cycle=${encodeURIComponent(cycleId)}` : ''}`;
export const regionPath = (code: string, at?: string) => withAt(`/regions/${code}`, at);

/** The reader for a framework version, optionally narrowed to one care setting. */
export const frameworkPath = (frameworkId: string, version: string, careSetting?: string) =>
  `/frameworks/${encodeURIComponent(frameworkId)}/versions/${encodeURIComponent(version)}${
    careSetting ? `?careSetting=${encodeURIComponent(careSetting)}` : ''
  }`;

/** Adds the search parameters that have a value: `?cycle=…&careSetting=…`. */
function withSearch(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** A trust's results, optionally for one cycle and care setting. */
export const trustResultsPath = (code: string, cycleId?: string, careSetting?: string, threshold?: string) =>
  withSearch(`/organisations/${encodeURIComponent(code)}/results`, {
    cycle: cycleId,
    careSetting,
    threshold,
  });
/** An ICS's results: its organisations side by side, optionally for one cycle and care setting. */
export const icsResultsPath = (
  code: string,
  cycleId?: string,
  careSetting?: string | null,
  threshold?: string,
) =>
  withSearch(`/ics/${encodeURIComponent(code)}/results`, {
    cycle: cycleId,
    careSetting: careSetting ?? undefined,
    threshold,
  });
/** An ICS's domain levels (sealed returns), optionally for one cycle, care setting and measure. */
export const icsDomainLevelsPath = (code: string, cycleId?: string, careSetting?: string | null) =>
  withSearch(`/ics/${encodeURIComponent(code)}/domain-levels`, {
    cycle: cycleId,
    careSetting: careSetting ?? undefined,
  });
/** A region's organisations below the threshold and declining. */
export const regionWatchListsPath = (
  code: string,
  cycleId?: string,
  careSetting?: string | null,
  threshold?: string,
) =>
  withSearch(`/regions/${encodeURIComponent(code)}/watch-lists`, {
    cycle: cycleId,
    careSetting: careSetting ?? undefined,
    threshold,
  });
/** A region's results: its ICSs side by side, optionally for one cycle and care setting. */
export const regionResultsPath = (
  code: string,
  cycleId?: string,
  careSetting?: string | null,
  threshold?: string,
) =>
  withSearch(`/regions/${encodeURIComponent(code)}/results`, {
    cycle: cycleId,
    careSetting: careSetting ?? undefined,
    threshold,
  });
/** England's results: the regions side by side (national administrators). */
export const nationalResultsPath = (cycleId?: string) => withSearch('/national/results', { cycle: cycleId });

/**
 * The address of a return, or of something under it: `returnPath(id, 'seals', 2)` is
 * `/returns/<id>/seals/2`. The web pages and the API use the same addresses (the API's under /api).
 */
export function returnPath(returnId: string, ...parts: (string | number)[]): string {
  return ['/returns', ...[returnId, ...parts].map((part) => encodeURIComponent(part))].join('/');
}

/** The questionnaire page of a measure (and, optionally, one of its domains). */
export function questionnairePath(returnId: string, measure: string, domainId?: string): string {
  const path = returnPath(returnId, 'measures', measure);
  return domainId ? `${path}?domain=${encodeURIComponent(domainId)}` : path;
}

/** A return's improvement plan, or something under it: `planPath(id, 'actions', actionId)`. */
export const planPath = (returnId: string, ...parts: (string | number)[]) =>
  returnPath(returnId, 'plan', ...parts);

/** Who meets what the trust lacks in a domain of its return (peer learning). */
export const peersPath = (returnId: string, domainId: string) =>
  `${returnPath(returnId, 'peers')}?domain=${encodeURIComponent(domainId)}`;

/** An organisation's sharing setting for peer learning. */
export const sharingPath = (code: string) => `/organisations/${encodeURIComponent(code)}/sharing`;

/** The improvement plans of an ICS's organisations, optionally for one cycle. */
export const icsPlansPath = (code: string, cycleId?: string) =>
  withSearch(`/ics/${encodeURIComponent(code)}/plans`, { cycle: cycleId });
/** The improvement plans of a region, per ICS, optionally for one cycle. */
export const regionPlansPath = (code: string, cycleId?: string) =>
  withSearch(`/regions/${encodeURIComponent(code)}/plans`, { cycle: cycleId });
/** Each national target's progress in a region (issue 19). */
export const regionTargetsPath = (code: string) => `/regions/${encodeURIComponent(code)}/targets`;
/** A national target, to change or retire (national administrators). */
export const adminTargetPath = (id: string) => `/admin/targets/${encodeURIComponent(id)}`;

export const sealPath = (returnId: string, revision: number) => returnPath(returnId, 'seals', revision);

/** The list of returns the return belongs to (the trust's or the ICB's), at its cycle. */
export function ownerReturnsPath(summary: Pick<ReturnSummary, 'owner' | 'cycle'>): string {
  return summary.owner.type === 'ics'
    ? icsReturnsPath(summary.owner.code, summary.cycle.id)
    : organisationReturnsPath(summary.owner.code, summary.cycle.id);
}

/** An import's own page. */
export const importPath = (id: string) => `/admin/imports/${encodeURIComponent(id)}`;

/** A user's page (user administration). */
export const userPath = (id: string) => `/admin/users/${encodeURIComponent(id)}`;
