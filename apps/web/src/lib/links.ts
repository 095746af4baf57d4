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
