import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Peer learning (issue 19), owned by the peer-learning module: an organisation's sharing setting (named
 * or not, the contact who agreed to be contacted, notes per domain, shareable evidence titles).
 */
export class AddPeerSharing1796461302424 implements MigrationInterface {
  name = 'AddPeerSharing1796461302424';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "peer_sharing" ("organisation_code" character varying(10) NOT NULL, "named" boolean NOT NULL DEFAULT false, "contact_name" text, "contact_role" text, "contact_email" text, "contact_consent" boolean NOT NULL DEFAULT false, "notes" jsonb NOT NULL DEFAULT '[]', "shareable_evidence_ids" uuid array NOT NULL DEFAULT '{}', "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "peer_sharing_named_contact" CHECK (NOT named OR (contact_name IS NOT NULL AND contact_role IS NOT NULL AND contact_email IS NOT NULL AND contact_consent)), CONSTRAINT "PK_cd809443e054d8fa25ec140a945" PRIMARY KEY ("organisation_code"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "peer_sharing" ADD CONSTRAINT "FK_cd809443e054d8fa25ec140a945" FOREIGN KEY ("organisation_code") REFERENCES "organisation"("ods_code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "peer_sharing" ADD CONSTRAINT "FK_9768d424214e9cb4731e83025cc" FOREIGN KEY ("updated_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "peer_sharing" DROP CONSTRAINT "FK_9768d424214e9cb4731e83025cc"`);
    await queryRunner.query(`ALTER TABLE "peer_sharing" DROP CONSTRAINT "FK_cd809443e054d8fa25ec140a945"`);
    await queryRunner.query(`DROP TABLE "peer_sharing"`);
  }
}
