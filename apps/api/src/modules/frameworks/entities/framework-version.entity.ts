import type { FrameworkVersion } from '@wgll/framework';
import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A framework version, stored whole as validated JSON. Once published it is immutable: the service
 * refuses changes and a database trigger (migration AddFrameworkVersions) rejects them too.
 */
@Entity({ name: 'framework_version' })
@Check('framework_version_level', "level IN ('organisation', 'system')")
@Check('framework_version_status', "status IN ('draft', 'published', 'retired')")
@Check('framework_version_source', "source IN ('bundled', 'uploaded')")
export class FrameworkVersionEntity {
  @PrimaryColumn({ name: 'framework_id', type: 'varchar', length: 100 })
  frameworkId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  version: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'varchar', length: 12 })
  level: FrameworkVersion['level'];

  @Column({ type: 'varchar', length: 10 })
  status: FrameworkVersion['status'];

  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'jsonb' })
  document: FrameworkVersion;

  /** SHA-256 of the document's canonical JSON. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 10 })
  source: 'bundled' | 'uploaded';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When a national administrator retired it (hidden from choosing); null while in use. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @Column({ name: 'retired_by', type: 'uuid', nullable: true })
  retiredBy: string | null;
}
