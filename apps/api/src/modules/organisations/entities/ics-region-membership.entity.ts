import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IcsEntity } from './ics.entity.js';
import { RegionEntity } from './region.entity.js';

/** An ICS belongs to a region for a period (both ends inclusive; open-ended when valid_to is null). */
@Entity({ name: 'ics_region_membership' })
@Check('ics_region_membership_period', 'valid_to IS NULL OR valid_to >= valid_from')
@Index('ics_region_membership_region', ['regionCode'])
export class IcsRegionMembershipEntity {
  @PrimaryColumn({ name: 'ics_code', type: 'varchar', length: 10 })
  icsCode: string;

  @PrimaryColumn({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 10 })
  regionCode: string;

  @ManyToOne(() => IcsEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ics_code' })
  ics?: IcsEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: RegionEntity;
}
