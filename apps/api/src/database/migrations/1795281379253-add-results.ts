import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddResults1795281379253 implements MigrationInterface {
  name = 'AddResults1795281379253';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "published_name_alias" ("kind" character varying(12) NOT NULL, "published_name" text NOT NULL, "ods_code" character varying(10) NOT NULL, "confirmed_by" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9dae7e74d43fe4e5ed8fbaa085" PRIMARY KEY ("kind", "published_name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "result_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "file_name" text NOT NULL, "sha256" character(64) NOT NULL, "source_title" text NOT NULL, "publication_date" date, "state" character varying(10) NOT NULL, "workbook" jsonb NOT NULL, "names" jsonb NOT NULL, "imported_by" uuid, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "applied_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_25c715c5dbf709b318371ccc837" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "result_import_file" ON "result_import"  ("cycle_id", "sha256") `,
    );
    await queryRunner.query(
      `CREATE TABLE "result_score" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "source" character varying(10) NOT NULL, "level" character varying(12) NOT NULL, "organisation_code" character varying(10), "ics_code" character varying(10) NOT NULL, "region_code" character varying(10), "care_setting" character varying(20), "measures" jsonb NOT NULL, "overall" double precision, "comparable_overall" double precision, "previous_comparable_overall" double precision, "domain_levels" jsonb, "return_id" uuid, "revision" integer, "import_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "result_score_level" CHECK ((level = 'organisation') = (organisation_code IS NOT NULL)), CONSTRAINT "result_score_source" CHECK (source IN ('published', 'sealed')), CONSTRAINT "PK_6d659c46f84f6dcbce005c92ea4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "result_score_return" ON "result_score"  ("return_id") WHERE return_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "result_score_cycle_ics" ON "result_score"  ("cycle_id", "ics_code") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "result_score_system" ON "result_score"  ("cycle_id", "source", "ics_code") WHERE level = 'system'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "result_score_organisation" ON "result_score"  ("cycle_id", "source", "organisation_code", "care_setting") WHERE level = 'organisation'`,
    );
    await queryRunner.query(
      `ALTER TABLE "result_import" ADD CONSTRAINT "FK_38a5d6b551956a28bf38d510bc5" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "result_score" ADD CONSTRAINT "FK_c643b3dc0e227470f357a2e9aa3" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "result_score" DROP CONSTRAINT "FK_c643b3dc0e227470f357a2e9aa3"`);
    await queryRunner.query(`ALTER TABLE "result_import" DROP CONSTRAINT "FK_38a5d6b551956a28bf38d510bc5"`);
    await queryRunner.query(`DROP INDEX "public"."result_score_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."result_score_system"`);
    await queryRunner.query(`DROP INDEX "public"."result_score_cycle_ics"`);
    await queryRunner.query(`DROP INDEX "public"."result_score_return"`);
    await queryRunner.query(`DROP TABLE "result_score"`);
    await queryRunner.query(`DROP INDEX "public"."result_import_file"`);
    await queryRunner.query(`DROP TABLE "result_import"`);
    await queryRunner.query(`DROP TABLE "published_name_alias"`);
  }
}
