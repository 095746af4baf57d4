import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "None of these is met yet": a domain is answered only with an element ticked, not applicable, or
 * this confirmation (issue 15). Before it, any stored answer counted, so every existing answer with
 * nothing ticked and not "not applicable" (a level 1 given with a comment, a confidence, or nothing)
 * is backfilled as confirmed: drafts, returns awaiting approval and sealed returns keep their meaning
 * (the same domains answered, the same levels). Seal snapshots do not hold the column, so old seals
 * still verify and still match the live rows. The sealed-return guard is set aside for the backfill
 * only, inside the migration's transaction: it changes no value a seal holds.
 */
export class AddNoneMet1796428029061 implements MigrationInterface {
  name = 'AddNoneMet1796428029061';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "domain_answer" ADD "none_met" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "domain_answer" DISABLE TRIGGER domain_answer_sealed_guard`);
    await queryRunner.query(
      `UPDATE "domain_answer" SET none_met = true WHERE cardinality(met) = 0 AND NOT not_applicable`,
    );
    await queryRunner.query(`ALTER TABLE "domain_answer" ENABLE TRIGGER domain_answer_sealed_guard`);
    await queryRunner.query(
      `ALTER TABLE "domain_answer" ADD CONSTRAINT "domain_answer_none_met" CHECK (NOT none_met OR (cardinality(met) = 0 AND NOT not_applicable))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "domain_answer" DROP CONSTRAINT "domain_answer_none_met"`);
    await queryRunner.query(`ALTER TABLE "domain_answer" DROP COLUMN "none_met"`);
  }
}
