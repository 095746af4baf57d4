import { Check, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** What a demo marker names: the demo world itself (by version), or a row the demo created. */
export type DemoMarkerKind = 'world' | 'cycle' | 'return' | 'user';

/**
 * Demonstration data, listed: the accounts, returns and cycles that `SEED_DEMO` generated, and the
 * version of the demo world once it is complete. Kept apart from the rows it names, so a sealed
 * return (which nothing may change) can be marked too, and so no real table carries a demo column.
 */
@Entity({ name: 'demo_marker' })
@Check('demo_marker_kind', "kind IN ('world', 'cycle', 'return', 'user')")
export class DemoMarkerEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind: DemoMarkerKind;

  /** The id of the row (a uuid), or the world's version. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  ref: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
