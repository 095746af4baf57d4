import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * National targets (issue 19), owned by the targets module: what counts for an organisation (a domain
 * at or above a level, an element met, a measure score at or above a value), the care settings, the
 * share to reach and by when. Domain and element targets keep the domain's lineage id.
 */
export class AddNationalTargets1796461591426 implements MigrationInterface {
  name = 'AddNationalTargets1796461591426';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "national_target" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "description" text NOT NULL DEFAULT '', "kind" character varying(10) NOT NULL, "framework_id" character varying(100), "domain_id" character varying(100), "lineage_id" character varying(100), "level" smallint, "element_id" character varying(100), "measure" character varying(30), "value" numeric(3,2), "care_settings" text array NOT NULL, "percent" smallint NOT NULL, "due_date" date NOT NULL, "version" integer NOT NULL DEFAULT '1', "retired_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "national_target_percent" CHECK (percent BETWEEN 1 AND 100), CONSTRAINT "national_target_kind" CHECK (kind IN ('domain', 'element', 'measure')), CONSTRAINT "PK_1a9c7f206991dc65b0c9341d682" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "national_target"`);
  }
}
