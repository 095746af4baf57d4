import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A published name an administrator matched to an ODS code, remembered so the next import of a file
 * that uses the same name matches it without asking again.
 */
@Entity({ name: 'published_name_alias' })
export class PublishedNameAliasEntity {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  kind: 'organisation' | 'ics';

  /** Normalised (see name-matcher.ts normaliseName). */
  @PrimaryColumn({ name: 'published_name', type: 'text' })
  publishedName: string;

  @Column({ name: 'ods_code', type: 'varchar', length: 10 })
  odsCode: string;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', default: () => 'now()' })
  confirmedAt: Date;
}
