import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Improvement plans (issue 17), owned by the plans module: one plan per return (targets as jsonb),
 * its actions, and the board's approvals of it, each holding the plan as approved. An approval never
 * changes afterwards: triggers refuse updates, deletes and truncation.
 */
export class AddImprovementPlans1796449341580 implements MigrationInterface {
  name = 'AddImprovementPlans1796449341580';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "improvement_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "target_date" date, "targets" jsonb NOT NULL DEFAULT '[]', "measure_targets" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL DEFAULT '0', "carried_from_plan_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "PK_acbdf25c65cb5011a8eae133930" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "improvement_plan_return" ON "improvement_plan"  ("return_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "domain_id" character varying(100) NOT NULL, "element_ids" text array NOT NULL DEFAULT '{}', "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "owner_id" uuid, "due_date" date, "state" character varying(12) NOT NULL, "blocked_reason" text, "funding" character varying(20), "expected_benefit" text NOT NULL DEFAULT '', "evidence_ids" uuid array NOT NULL DEFAULT '{}', "carried_from_action_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "plan_action_funding" CHECK (funding IS NULL OR funding IN ('capital', 'revenue', 'national-programme', 'none-needed')), CONSTRAINT "plan_action_blocked_reason" CHECK ((state = 'blocked' AND blocked_reason IS NOT NULL AND length(btrim(blocked_reason)) > 0) OR (state <> 'blocked' AND blocked_reason IS NULL)), CONSTRAINT "plan_action_state" CHECK (state IN ('not-started', 'in-progress', 'done', 'blocked')), CONSTRAINT "PK_7fe1efec53657bd0385369ad6e6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "plan_action_carried" ON "plan_action"  ("plan_id", "carried_from_action_id") `,
    );
    await queryRunner.query(`CREATE INDEX "plan_action_plan" ON "plan_action"  ("plan_id") `);
    await queryRunner.query(
      `CREATE TABLE "plan_approval" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "return_id" uuid NOT NULL, "approver_id" uuid NOT NULL, "meeting_date" date NOT NULL, "minute_reference" character varying(100) NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "return_approval_id" uuid, "plan_version" integer NOT NULL, "snapshot" jsonb NOT NULL, CONSTRAINT "PK_d9d080874927c4c8cf8c4dd740b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "plan_approval_return_approval" ON "plan_approval"  ("return_approval_id") `,
    );
    await queryRunner.query(`CREATE INDEX "plan_approval_plan" ON "plan_approval"  ("plan_id") `);
    await queryRunner.query(
      `ALTER TABLE "improvement_plan" ADD CONSTRAINT "FK_f21826336e3b0358bf5df87ee7e" FOREIGN KEY ("return_id") REFERENCES "assessment_return"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "improvement_plan" ADD CONSTRAINT "FK_1a09ad894f29a2041756278dc02" FOREIGN KEY ("updated_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "improvement_plan" ADD CONSTRAINT "FK_2e018521e1fb2be42d23525f724" FOREIGN KEY ("carried_from_plan_id") REFERENCES "improvement_plan"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_action" ADD CONSTRAINT "FK_285df8feb2922da120d9070a150" FOREIGN KEY ("plan_id") REFERENCES "improvement_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_action" ADD CONSTRAINT "FK_f7613103eb93d29bfff8a2a6911" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_action" ADD CONSTRAINT "FK_224a8b4d56dfe05bceb15721d95" FOREIGN KEY ("carried_from_action_id") REFERENCES "plan_action"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_approval" ADD CONSTRAINT "FK_6f611a452303fbed3f8772e3384" FOREIGN KEY ("plan_id") REFERENCES "improvement_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_approval" ADD CONSTRAINT "FK_7a6b1ccf3df10bc301ea2eae932" FOREIGN KEY ("return_id") REFERENCES "assessment_return"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_approval" ADD CONSTRAINT "FK_67d7f55a805aa9ae185578abb2d" FOREIGN KEY ("approver_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_approval" ADD CONSTRAINT "FK_2e2a3407adefb69f7ba70e9fd7f" FOREIGN KEY ("return_approval_id") REFERENCES "return_approval"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE FUNCTION plan_approval_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a plan approval never changes: it keeps the plan as approved' USING ERRCODE = 'check_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER plan_approval_immutable BEFORE UPDATE OR DELETE ON "plan_approval" FOR EACH ROW EXECUTE FUNCTION plan_approval_immutable()`,
    );
    // Like the other tables of approved and sealed records (guard-sealed-data): never truncated.
    await queryRunner.query(
      `CREATE TRIGGER plan_approval_no_truncate BEFORE TRUNCATE ON "plan_approval" FOR EACH STATEMENT EXECUTE FUNCTION sealed_data_no_truncate()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER plan_approval_no_truncate ON "plan_approval"`);
    await queryRunner.query(`DROP TRIGGER plan_approval_immutable ON "plan_approval"`);
    await queryRunner.query(`DROP FUNCTION plan_approval_immutable()`);
    await queryRunner.query(`ALTER TABLE "plan_approval" DROP CONSTRAINT "FK_2e2a3407adefb69f7ba70e9fd7f"`);
    await queryRunner.query(`ALTER TABLE "plan_approval" DROP CONSTRAINT "FK_67d7f55a805aa9ae185578abb2d"`);
    await queryRunner.query(`ALTER TABLE "plan_approval" DROP CONSTRAINT "FK_7a6b1ccf3df10bc301ea2eae932"`);
    await queryRunner.query(`ALTER TABLE "plan_approval" DROP CONSTRAINT "FK_6f611a452303fbed3f8772e3384"`);
    await queryRunner.query(`ALTER TABLE "plan_action" DROP CONSTRAINT "FK_224a8b4d56dfe05bceb15721d95"`);
    await queryRunner.query(`ALTER TABLE "plan_action" DROP CONSTRAINT "FK_f7613103eb93d29bfff8a2a6911"`);
    await queryRunner.query(`ALTER TABLE "plan_action" DROP CONSTRAINT "FK_285df8feb2922da120d9070a150"`);
    await queryRunner.query(
      `ALTER TABLE "improvement_plan" DROP CONSTRAINT "FK_2e018521e1fb2be42d23525f724"`,
    );
    await queryRunner.query(
      `ALTER TABLE "improvement_plan" DROP CONSTRAINT "FK_1a09ad894f29a2041756278dc02"`,
    );
    await queryRunner.query(
      `ALTER TABLE "improvement_plan" DROP CONSTRAINT "FK_f21826336e3b0358bf5df87ee7e"`,
    );
    await queryRunner.query(`DROP INDEX "public"."plan_approval_plan"`);
    await queryRunner.query(`DROP INDEX "public"."plan_approval_return_approval"`);
    await queryRunner.query(`DROP TABLE "plan_approval"`);
    await queryRunner.query(`DROP INDEX "public"."plan_action_plan"`);
    await queryRunner.query(`DROP INDEX "public"."plan_action_carried"`);
    await queryRunner.query(`DROP TABLE "plan_action"`);
    await queryRunner.query(`DROP INDEX "public"."improvement_plan_return"`);
    await queryRunner.query(`DROP TABLE "improvement_plan"`);
  }
}
