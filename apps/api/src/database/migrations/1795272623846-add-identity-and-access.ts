import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddIdentityAndAccess1795272623846 implements MigrationInterface {
  name = 'AddIdentityAndAccess1795272623846';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_label" character varying(254), "action" character varying(40) NOT NULL, "target_type" character varying(30), "target_id" character varying(100), "target_label" character varying(254), "ip" character varying(64), "user_agent" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_event_occurred_at" ON "audit_event"  ("occurred_at") `);
    await queryRunner.query(
      `CREATE INDEX "audit_event_target" ON "audit_event"  ("target_type", "target_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_event_actor" ON "audit_event"  ("actor_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "display_name" character varying(200) NOT NULL, "password_hash" text, "status" character varying(10) NOT NULL, "oidc_issuer" text, "oidc_subject" character varying(255), "last_signed_in_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "app_user_email_lower" CHECK (email = lower(email)), CONSTRAINT "app_user_status" CHECK (status IN ('invited', 'active', 'disabled')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "app_user_email" ON "app_user"  ("email") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "app_user_oidc_identity" ON "app_user"  ("oidc_issuer", "oidc_subject") WHERE oidc_subject IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "method" character varying(10) NOT NULL, "ip" character varying(64), "user_agent" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(40), CONSTRAINT "auth_session_method" CHECK (method IN ('password', 'sso', 'invitation')), CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "auth_session_user" ON "auth_session"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "refresh_token_session" ON "refresh_token"  ("session_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "refresh_token_hash" ON "refresh_token"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "sign_in_throttle" ("email" character varying(254) NOT NULL, "failures" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "last_failure_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c18a969ed3b9dd6a3c88b04f1d7" PRIMARY KEY ("email"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "invitation_user" ON "invitation"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "invitation_token" ON "invitation"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "role_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "role" character varying(30) NOT NULL, "scope_code" character varying(10), "granted_by" uuid, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "role_assignment_scope" CHECK ((role = 'national-administrator') = (scope_code IS NULL)), CONSTRAINT "role_assignment_role" CHECK (role IN ('national-administrator', 'regional-viewer', 'ics-lead', 'trust-lead', 'trust-contributor', 'board-approver')), CONSTRAINT "PK_7e79671a8a5db18936173148cb4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "role_assignment_user" ON "role_assignment"  ("user_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "role_assignment_national_unique" ON "role_assignment"  ("user_id", "role") WHERE scope_code IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "role_assignment_unique" ON "role_assignment"  ("user_id", "role", "scope_code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_session" ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_7643a722ca45fb721be1c63dc0c" FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "FK_dbf801c80100c878509602456ff" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_assignment" ADD CONSTRAINT "FK_0308896e1a10f74ce104f6cc93f" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The audit log is append-only, enforced by the database as well as the code.
    await queryRunner.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'check_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_append_only ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
    await queryRunner.query(`ALTER TABLE "role_assignment" DROP CONSTRAINT "FK_0308896e1a10f74ce104f6cc93f"`);
    await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "FK_dbf801c80100c878509602456ff"`);
    await queryRunner.query(`ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_7643a722ca45fb721be1c63dc0c"`);
    await queryRunner.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"`);
    await queryRunner.query(`DROP INDEX "public"."role_assignment_unique"`);
    await queryRunner.query(`DROP INDEX "public"."role_assignment_national_unique"`);
    await queryRunner.query(`DROP INDEX "public"."role_assignment_user"`);
    await queryRunner.query(`DROP TABLE "role_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."invitation_token"`);
    await queryRunner.query(`DROP INDEX "public"."invitation_user"`);
    await queryRunner.query(`DROP TABLE "invitation"`);
    await queryRunner.query(`DROP TABLE "sign_in_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_token_session"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."auth_session_user"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_oidc_identity"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_email"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_actor"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_target"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_occurred_at"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
