import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A cycle's name is unique among current cycles, so one retired by mistake can be created again. */
export class CycleNameAmongCurrent1796413894100 implements MigrationInterface {
  name = 'CycleNameAmongCurrent1796413894100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."cycle_name"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "cycle_name" ON "cycle" ("name") WHERE retired_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."cycle_name"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "cycle_name" ON "cycle" ("name") `);
  }
}
