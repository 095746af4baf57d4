/** An import's own page. */
export const importPath = (id: string) => `/admin/imports/${encodeURIComponent(id)}`;
