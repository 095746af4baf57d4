import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An NHS England region (ODS Y-code). */
@Entity({ name: 'region' })
export class RegionEntity {
  @PrimaryColumn({ name: 'ods_code', type: 'varchar', length: 10 })
  odsCode: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'ons_code', type: 'varchar', length: 9 })
  onsCode: string;

  @Column({ name: 'ons_code_pre_jul_2022', type: 'varchar', length: 9, nullable: true })
  onsCodePreJul2022: string | null;
}
