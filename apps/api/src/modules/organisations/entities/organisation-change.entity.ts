import type { OrganisationChangeKind } from '@wgll/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A recorded closure, opening or rename (2024–2026). Kept by ODS code without a foreign key:
 * some concern trusts that closed before the 205 current trusts were listed.
 */
@Entity({ name: 'organisation_change' })
export class OrganisationChangeEntity {
  @PrimaryColumn({ name: 'organisation_code', type: 'varchar', length: 10 })
  organisationCode: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind: OrganisationChangeKind;

  /** Null where the source gives no exact date. */
  @Column({ type: 'date', nullable: true })
  date: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'ics_code_at_change', type: 'varchar', length: 10, nullable: true })
  icsCodeAtChange: string | null;

  @Column({ type: 'text' })
  source: string;
}
