import type { DataSource } from 'typeorm';

/**
 * Tells whether anything was written to the database between two points: a cheap check of the next
 * transaction id first (nothing wrote if no transaction took one), then, only if one did, a content
 * fingerprint of every table, so a refused request that wrote is named with the tables it changed.
 */
export class WriteWatch {
  private xid = '';
  private prints = new Map<string, string>();
  private tables: string[] = [];

  constructor(
    private readonly dataSource: DataSource,
    /** Tables not watched at all (e.g. the audit log, which refused sign-ins write to on purpose). */
    private readonly ignore: RegExp = /^$/,
  ) {}

  async baseline(): Promise<void> {
    this.tables = (
      await this.dataSource.query<{ name: string }[]>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
         ORDER BY table_name`,
      )
    )
      .map((r) => r.name)
      .filter((name) => !this.ignore.test(name));
    this.xid = await this.nextXid();
    this.prints = await this.fingerprint();
  }

  /** The tables whose content changed since the last call (or baseline), then the new baseline. */
  async changed(): Promise<string[]> {
    const xid = await this.nextXid();
    if (xid === this.xid) return [];
    this.xid = xid;
    const prints = await this.fingerprint();
    const changed = this.tables.filter((t) => prints.get(t) !== this.prints.get(t));
    this.prints = prints;
    return changed;
  }

  private async nextXid(): Promise<string> {
    const [row] = await this.dataSource.query<{ x: string }[]>(
      'SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x',
    );
    return row!.x;
  }

  private async fingerprint(): Promise<Map<string, string>> {
    const sql = this.tables
      .map(
        (t) =>
          `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text AS p FROM "${t}" x`,
      )
      .join(' UNION ALL ');
    const rows = await this.dataSource.query<{ t: string; p: string }[]>(sql);
    return new Map(rows.map((r) => [r.t, r.p]));
  }
}
