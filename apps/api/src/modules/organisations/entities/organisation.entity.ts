import type { CareSetting, TrustType } from '@wgll/contracts';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** An NHS trust (a provider organisation), by ODS code. */
@Entity({ name: 'organisation' })
@Check(
  'organisation_type',
  "type IN ('acute', 'acute-specialist', 'mental-health-ld', 'community', 'ambulance')",
)
export class OrganisationEntity {
  @PrimaryColumn({ name: 'ods_code', type: 'varchar', length: 10 })
  odsCode: string;

  /** Current name, as ODS publishes it. */
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'previous_names', type: 'text', array: true, default: () => "'{}'" })
  previousNames: string[];

  @Column({ type: 'varchar', length: 20 })
  type: TrustType;

  /** NHS Staff Survey benchmarking group. */
  @Column({ name: 'type_group', type: 'text', nullable: true })
  typeGroup: string | null;

  /** The DMA care settings the trust files returns for. */
  @Column({ name: 'care_settings', type: 'text', array: true, default: () => "'{}'" })
  careSettings: CareSetting[];

  @Column({ name: 'hq_postcode', type: 'varchar', length: 10, nullable: true })
  hqPostcode: string | null;

  @Column({ name: 'opened_on', type: 'date', nullable: true })
  openedOn: string | null;

  /** Last day of operation. */
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;
}
