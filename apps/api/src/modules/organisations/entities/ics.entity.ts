import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An integrated care system, identified by its ICB's ODS code. */
@Entity({ name: 'ics' })
export class IcsEntity {
  @PrimaryColumn({ name: 'ods_code', type: 'varchar', length: 10 })
  odsCode: string;

  @Column({ type: 'text' })
  name: string;

  /** The current ONS E54 code (an ICB can keep its ODS code and get a new ONS code). */
  @Column({ name: 'ons_code', type: 'varchar', length: 9, nullable: true })
  onsCode: string | null;

  @Column({ name: 'previous_ons_code', type: 'varchar', length: 9, nullable: true })
  previousOnsCode: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  /** How the source describes it, e.g. "continuing" or "new ICB (merger)". */
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
