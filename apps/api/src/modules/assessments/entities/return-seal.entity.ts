import { AssessmentReturnEntity } from './assessment-return.entity.js';
import { Column, CreateDateColumn, Entity, PrimaryColumn, JoinColumn, ManyToOne } from 'typeorm';

/**
 * The sealed snapshot of a submitted revision: canonical JSON and its SHA-256. A trigger refuses
 * updates and deletes, so every revision's seal stays retrievable and verifiable.
 */
@Entity({ name: 'return_seal' })
export class ReturnSealEntity {
  @PrimaryColumn({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @PrimaryColumn({ type: 'int' })
  revision: number;

  /** Canonical JSON, stored as text so the hashed bytes are exactly what is kept. */
  @Column({ type: 'text' })
  snapshot: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'sealed_by', type: 'uuid' })
  sealedBy: string;

  @CreateDateColumn({ name: 'sealed_at', type: 'timestamptz' })
  sealedAt: Date;

  @ManyToOne(() => AssessmentReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id' })
  assessmentReturn?: AssessmentReturnEntity;
}
