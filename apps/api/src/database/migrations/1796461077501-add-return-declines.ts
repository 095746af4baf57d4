import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board's sending back of a return awaiting its approval (issue 18), owned by the assessments
 * module: who, why, the meeting. A decline never changes and is never deleted: triggers refuse updates,
 * deletes and truncation, and a decline is recorded only for a return's current, unsealed revision.
 */
export class AddReturnDeclines1796461077501 implements MigrationInterface {
  name = 'AddReturnDeclines1796461077501';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "return_decline" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "revision" integer NOT NULL, "decliner_id" uuid NOT NULL, "reason" text NOT NULL, "meeting_date" date, "minute_reference" character varying(100), "declined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d47425d28023bddfb176f419163" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "return_decline_return" ON "return_decline"  ("return_id", "revision") `,
    );
    await queryRunner.query(
      `ALTER TABLE "return_decline" ADD CONSTRAINT "FK_a58e6c66539dd5a9c1f77b3ebbe" FOREIGN KEY ("return_id") REFERENCES "assessment_return"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_decline" ADD CONSTRAINT "FK_5a4409258b90332d1bf46c6cc63" FOREIGN KEY ("decliner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE FUNCTION return_decline_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NOT EXISTS (
            SELECT 1 FROM assessment_return WHERE id = NEW.return_id AND revision = NEW.revision AND state <> 'submitted'
          ) THEN
            RAISE EXCEPTION 'RETURN_SEALED: a decline is of the current, unsealed revision of its return'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'a decline never changes: it keeps what the board said' USING ERRCODE = 'check_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER return_decline_guard BEFORE INSERT OR UPDATE OR DELETE ON "return_decline" FOR EACH ROW EXECUTE FUNCTION return_decline_guard()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER return_decline_no_truncate BEFORE TRUNCATE ON "return_decline" FOR EACH STATEMENT EXECUTE FUNCTION sealed_data_no_truncate()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER return_decline_no_truncate ON "return_decline"`);
    await queryRunner.query(`DROP TRIGGER return_decline_guard ON "return_decline"`);
    await queryRunner.query(`DROP FUNCTION return_decline_guard()`);
    await queryRunner.query(`ALTER TABLE "return_decline" DROP CONSTRAINT "FK_5a4409258b90332d1bf46c6cc63"`);
    await queryRunner.query(`ALTER TABLE "return_decline" DROP CONSTRAINT "FK_a58e6c66539dd5a9c1f77b3ebbe"`);
    await queryRunner.query(`DROP INDEX "public"."return_decline_return"`);
    await queryRunner.query(`DROP TABLE "return_decline"`);
  }
}
