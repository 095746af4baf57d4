import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAssessmentReturns1795275839599 implements MigrationInterface {
  name = 'AddAssessmentReturns1795275839599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cycle" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(40) NOT NULL, "organisation_framework_id" character varying(100) NOT NULL, "organisation_framework_version" character varying(40) NOT NULL, "system_framework_id" character varying(100) NOT NULL, "system_framework_version" character varying(40) NOT NULL, "opens_on" date NOT NULL, "closes_on" date NOT NULL, "reference_date" date NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cycle_dates" CHECK (opens_on <= closes_on), CONSTRAINT "PK_af5984cb5853f1f88109c9ea2b7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "cycle_name" ON "cycle"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "assessment_return" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "level" character varying(12) NOT NULL, "organisation_code" character varying(10), "ics_code" character varying(10), "care_setting" character varying(20), "framework_id" character varying(100) NOT NULL, "framework_version" character varying(40) NOT NULL, "state" character varying(20) NOT NULL DEFAULT 'draft', "revision" integer NOT NULL DEFAULT '1', "carried_forward_from" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "assessment_return_revision" CHECK (revision >= 1), CONSTRAINT "assessment_return_state" CHECK (state IN ('draft', 'awaiting-approval', 'approved', 'submitted')), CONSTRAINT "assessment_return_owner" CHECK ((level = 'organisation' AND organisation_code IS NOT NULL AND care_setting IS NOT NULL AND ics_code IS NULL) OR (level = 'system' AND ics_code IS NOT NULL AND organisation_code IS NULL AND care_setting IS NULL)), CONSTRAINT "PK_e9216322c5bfdd03034a1e5d18f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assessment_return_system" ON "assessment_return"  ("cycle_id", "ics_code") WHERE level = 'system'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assessment_return_organisation" ON "assessment_return"  ("cycle_id", "organisation_code", "care_setting") WHERE level = 'organisation'`,
    );
    await queryRunner.query(
      `CREATE TABLE "domain_answer" ("return_id" uuid NOT NULL, "domain_id" character varying(100) NOT NULL, "met" text array NOT NULL DEFAULT '{}', "not_applicable" boolean NOT NULL DEFAULT false, "comment" text NOT NULL DEFAULT '', "confidence" character varying(6), "evidence_ids" uuid array NOT NULL DEFAULT '{}', "version" integer NOT NULL, "to_confirm" boolean NOT NULL DEFAULT false, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "domain_answer_not_applicable" CHECK (NOT not_applicable OR cardinality(met) = 0), CONSTRAINT "domain_answer_confidence" CHECK (confidence IS NULL OR confidence IN ('low', 'medium', 'high')), CONSTRAINT "PK_c85c2db93100cfadb1b31fbf354" PRIMARY KEY ("return_id", "domain_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "kind" character varying(4) NOT NULL, "title" text NOT NULL, "url" text, "file_name" text, "media_type" character varying(100), "size_bytes" integer, "sha256" character(64), "content" bytea, "added_by" uuid, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "evidence_kind" CHECK ((kind = 'link' AND url IS NOT NULL AND content IS NULL) OR (kind = 'file' AND content IS NOT NULL AND sha256 IS NOT NULL AND file_name IS NOT NULL)), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "evidence_return" ON "evidence"  ("return_id") `);
    await queryRunner.query(
      `CREATE TABLE "return_approval" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "revision" integer NOT NULL, "approver_id" uuid NOT NULL, "meeting_date" date NOT NULL, "minute_reference" character varying(100) NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, CONSTRAINT "PK_7413faa485d12cd35913942af88" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "return_approval_active" ON "return_approval"  ("return_id", "revision", "approver_id") WHERE withdrawn_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "return_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "measure" character varying(30), "domain_id" character varying(100), "assignee_id" uuid NOT NULL, "assigned_by" uuid, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "return_assignment_target" CHECK ((measure IS NULL) <> (domain_id IS NULL)), CONSTRAINT "PK_e505d3c2e38c6a5aa9a90cd9afb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "return_assignment_assignee" ON "return_assignment"  ("assignee_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "return_assignment_domain" ON "return_assignment"  ("return_id", "domain_id") WHERE domain_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "return_assignment_measure" ON "return_assignment"  ("return_id", "measure") WHERE measure IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "return_seal" ("return_id" uuid NOT NULL, "revision" integer NOT NULL, "snapshot" text NOT NULL, "sha256" character(64) NOT NULL, "sealed_by" uuid NOT NULL, "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_05c18410d8c887faa217dfb3cfc" PRIMARY KEY ("return_id", "revision"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_return" ADD CONSTRAINT "FK_4be5a20122fee0b30fa98b1a784" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_return" ADD CONSTRAINT "FK_2e2fb7f436fbf6b2a2bbe85c1e8" FOREIGN KEY ("organisation_code") REFERENCES "organisation"("ods_code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_return" ADD CONSTRAINT "FK_ed73aee2d6aa0bcd830009a4290" FOREIGN KEY ("ics_code") REFERENCES "ics"("ods_code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "domain_answer" ADD CONSTRAINT "FK_82ef7581240dfc4206a1917deb5" FOREIGN KEY ("return_id") REFERENCES "assessment_return"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_3a0f47b5fe4f66ca91dcb94121e" FOREIGN KEY ("return_id") REFERENCES "assessment_return"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_approval" ADD CONSTRAINT "FK_c6aa08f0d5495fffde74815aaf4" FOREIGN KEY ("return_id") REFERENCES "assessment_return"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_approval" ADD CONSTRAINT "FK_a8b6c64d0661fd7940e0a5fc25e" FOREIGN KEY ("approver_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_assignment" ADD CONSTRAINT "FK_52be48e3cf0ef6fc84483d066b9" FOREIGN KEY ("return_id") REFERENCES "assessment_return"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_assignment" ADD CONSTRAINT "FK_409f1559b255d11e41efb13c111" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_seal" ADD CONSTRAINT "FK_b04c7c09c549d3c320324fefb77" FOREIGN KEY ("return_id") REFERENCES "assessment_return"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A submitted return is sealed: nothing about it may change but the reopening that starts its
    // next revision. The service refuses first (409 RETURN_SEALED); these make it true in the database.
    await queryRunner.query(`CREATE FUNCTION return_sealed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state = 'submitted' AND NOT (TG_OP = 'UPDATE' AND NEW.state = 'draft' AND NEW.revision = OLD.revision + 1) THEN
          RAISE EXCEPTION 'RETURN_SEALED: return % is sealed', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER return_sealed_guard BEFORE UPDATE OR DELETE ON "assessment_return" FOR EACH ROW EXECUTE FUNCTION return_sealed_guard()`,
    );
    await queryRunner.query(`CREATE FUNCTION return_part_sealed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target uuid;
      BEGIN
        IF TG_OP = 'DELETE' THEN target := OLD.return_id; ELSE target := NEW.return_id; END IF;
        IF EXISTS (SELECT 1 FROM assessment_return WHERE id = target AND state = 'submitted') THEN
          RAISE EXCEPTION 'RETURN_SEALED: return % is sealed', target USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['domain_answer', 'evidence', 'return_assignment', 'return_approval']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_sealed_guard BEFORE INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION return_part_sealed_guard()`,
      );
    }
    await queryRunner.query(`CREATE FUNCTION return_seal_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'RETURN_SEALED: a seal never changes' USING ERRCODE = 'check_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER return_seal_immutable BEFORE UPDATE OR DELETE ON "return_seal" FOR EACH ROW EXECUTE FUNCTION return_seal_immutable()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER return_seal_immutable ON "return_seal"`);
    await queryRunner.query(`DROP FUNCTION return_seal_immutable()`);
    for (const table of ['domain_answer', 'evidence', 'return_assignment', 'return_approval']) {
      await queryRunner.query(`DROP TRIGGER ${table}_sealed_guard ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION return_part_sealed_guard()`);
    await queryRunner.query(`DROP TRIGGER return_sealed_guard ON "assessment_return"`);
    await queryRunner.query(`DROP FUNCTION return_sealed_guard()`);
    await queryRunner.query(`ALTER TABLE "return_seal" DROP CONSTRAINT "FK_b04c7c09c549d3c320324fefb77"`);
    await queryRunner.query(
      `ALTER TABLE "return_assignment" DROP CONSTRAINT "FK_409f1559b255d11e41efb13c111"`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_assignment" DROP CONSTRAINT "FK_52be48e3cf0ef6fc84483d066b9"`,
    );
    await queryRunner.query(`ALTER TABLE "return_approval" DROP CONSTRAINT "FK_a8b6c64d0661fd7940e0a5fc25e"`);
    await queryRunner.query(`ALTER TABLE "return_approval" DROP CONSTRAINT "FK_c6aa08f0d5495fffde74815aaf4"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_3a0f47b5fe4f66ca91dcb94121e"`);
    await queryRunner.query(`ALTER TABLE "domain_answer" DROP CONSTRAINT "FK_82ef7581240dfc4206a1917deb5"`);
    await queryRunner.query(
      `ALTER TABLE "assessment_return" DROP CONSTRAINT "FK_ed73aee2d6aa0bcd830009a4290"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_return" DROP CONSTRAINT "FK_2e2fb7f436fbf6b2a2bbe85c1e8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_return" DROP CONSTRAINT "FK_4be5a20122fee0b30fa98b1a784"`,
    );
    await queryRunner.query(`DROP TABLE "return_seal"`);
    await queryRunner.query(`DROP INDEX "public"."return_assignment_measure"`);
    await queryRunner.query(`DROP INDEX "public"."return_assignment_domain"`);
    await queryRunner.query(`DROP INDEX "public"."return_assignment_assignee"`);
    await queryRunner.query(`DROP TABLE "return_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."return_approval_active"`);
    await queryRunner.query(`DROP TABLE "return_approval"`);
    await queryRunner.query(`DROP INDEX "public"."evidence_return"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
    await queryRunner.query(`DROP TABLE "domain_answer"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_return_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_return_system"`);
    await queryRunner.query(`DROP TABLE "assessment_return"`);
    await queryRunner.query(`DROP INDEX "public"."cycle_name"`);
    await queryRunner.query(`DROP TABLE "cycle"`);
  }
}
