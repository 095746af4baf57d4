import { AssessmentReturnEntity } from './assessment-return.entity.js';
import type { EvidenceKind } from '@wgll/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';

/** A link or a file supporting a return's answers; any domain of the same return may cite it. */
@Entity({ name: 'evidence' })
@Index('evidence_return', ['returnId'])
@Check(
  'evidence_kind',
  "(kind = 'link' AND url IS NOT NULL AND content IS NULL)" +
    " OR (kind = 'file' AND content IS NOT NULL AND sha256 IS NOT NULL AND file_name IS NOT NULL)",
)
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @Column({ type: 'varchar', length: 4 })
  kind: EvidenceKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName: string | null;

  @Column({ name: 'media_type', type: 'varchar', length: 100, nullable: true })
  mediaType: string | null;

  @Column({ name: 'size_bytes', type: 'int', nullable: true })
  sizeBytes: number | null;

  /** SHA-256 of the file's bytes. */
  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  /** The file itself; read only when downloaded. */
  @Column({ type: 'bytea', nullable: true, select: false })
  content: Buffer | null;

  /**
   * Set when removed from the return. The row (and file) stays: a seal of an earlier revision may
   * name it, and every seal must stay verifiable and its evidence downloadable.
   */
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'added_by', type: 'uuid', nullable: true })
  addedBy: string | null;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;

  @ManyToOne(() => AssessmentReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id' })
  assessmentReturn?: AssessmentReturnEntity;
}
