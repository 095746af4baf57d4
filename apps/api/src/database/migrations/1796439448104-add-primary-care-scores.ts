import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ICBs' primary care survey scores of a cycle (the "ICB PC" sheet of NHS England's DMA data
 * file), in a table of their own so that no query of result_score meets them (issue 16). Imports
 * applied before this are read again from the shipped file at the next start (seedPublishedResults).
 */
export class AddPrimaryCareScores1796439448104 implements MigrationInterface {
  name = 'AddPrimaryCareScores1796439448104';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "primary_care_score" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "ics_code" character varying(10) NOT NULL, "measures" jsonb NOT NULL, "import_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1725d539feaf6d604e8fada3084" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "primary_care_score_cycle_ics" ON "primary_care_score"  ("cycle_id", "ics_code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "primary_care_score" ADD CONSTRAINT "FK_9d16ac0608ee900416ceeba4f58" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "primary_care_score" DROP CONSTRAINT "FK_9d16ac0608ee900416ceeba4f58"`,
    );
    await queryRunner.query(`DROP INDEX "public"."primary_care_score_cycle_ics"`);
    await queryRunner.query(`DROP TABLE "primary_care_score"`);
  }
}
