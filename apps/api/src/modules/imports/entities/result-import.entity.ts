import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CycleEntity } from '../../cycles/cycle.entity.js';
import type { ParsedWorkbook } from '../dma-workbook.js';
import type { NameMatch } from '../name-matcher.js';

/**
 * An upload of NHS England's DMA data file into a cycle: the rows as read, how each name matched,
 * and whether the rows have been applied as the cycle's published results.
 */
@Entity({ name: 'result_import' })
@Index('result_import_file', ['cycleId', 'sha256'], { unique: true })
export class ResultImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'source_title', type: 'text' })
  sourceTitle: string;

  @Column({ name: 'publication_date', type: 'date', nullable: true })
  publicationDate: string | null;

  @Column({ type: 'varchar', length: 10 })
  state: 'review' | 'applied';

  @Column({ type: 'jsonb' })
  workbook: ParsedWorkbook;

  /** One entry per distinct name in the file. */
  @Column({ type: 'jsonb' })
  names: NameMatch[];

  @Column({ name: 'imported_by', type: 'uuid', nullable: true })
  importedBy: string | null;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;

  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt: Date | null;

  @ManyToOne(() => CycleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: CycleEntity;
}
