import type { PeerNote } from '@wgll/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../../organisations/entities/organisation.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';

/**
 * An organisation's sharing setting for peer learning (issue 19), set by its trust lead. No row: not
 * named (the default). Named only with a contact who agreed to be contacted.
 */
@Entity({ name: 'peer_sharing' })
@Check(
  'peer_sharing_named_contact',
  'NOT named OR (contact_name IS NOT NULL AND contact_role IS NOT NULL AND contact_email IS NOT NULL AND contact_consent)',
)
export class PeerSharingEntity {
  @PrimaryColumn({ name: 'organisation_code', type: 'varchar', length: 10 })
  organisationCode: string;

  @Column({ type: 'boolean', default: false })
  named: boolean;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_role', type: 'text', nullable: true })
  contactRole: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_consent', type: 'boolean', default: false })
  contactConsent: boolean;

  /** "How we did it" notes, one per domain: `{ domainId, note }`. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  notes: PeerNote[];

  /** Evidence (of the organisation's sealed returns) whose titles peers may see. */
  @Column({ name: 'shareable_evidence_ids', type: 'uuid', array: true, default: () => "'{}'" })
  shareableEvidenceIds: string[];

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_code' })
  organisation?: OrganisationEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by' })
  updater?: UserEntity;
}
