import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 20: an assignment may have a date by which the work is due (none for those made before). */
export class AddAssignmentDueDates1796473044300 implements MigrationInterface {
  name = 'AddAssignmentDueDates1796473044300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "return_assignment" ADD "due_date" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "return_assignment" DROP COLUMN "due_date"`);
  }
}
