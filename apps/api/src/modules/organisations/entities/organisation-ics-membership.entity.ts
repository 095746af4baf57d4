import type { MembershipBasis } from '@wgll/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IcsEntity } from './ics.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

/**
 * An organisation belongs to an ICS for a period (both ends inclusive), on one of two bases:
 * `assessment` (the DMA's ICS, used for comparisons) or `headquarters` (the ODS HQ ICB).
 */
@Entity({ name: 'organisation_ics_membership' })
@Check('organisation_ics_membership_period', 'valid_to IS NULL OR valid_to >= valid_from')
@Check('organisation_ics_membership_basis', "basis IN ('assessment', 'headquarters')")
@Index('organisation_ics_membership_ics', ['icsCode', 'basis'])
export class OrganisationIcsMembershipEntity {
  @PrimaryColumn({ name: 'organisation_code', type: 'varchar', length: 10 })
  organisationCode: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  basis: MembershipBasis;

  @PrimaryColumn({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'ics_code', type: 'varchar', length: 10 })
  icsCode: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_code' })
  organisation?: OrganisationEntity;

  @ManyToOne(() => IcsEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ics_code' })
  ics?: IcsEntity;
}
