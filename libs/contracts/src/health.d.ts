export interface HealthResponse {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  /** `embedded` when the API runs its own PGlite database, `external` with DATABASE_URL. */
  databaseMode: 'embedded' | 'external';
  version: string;
}
