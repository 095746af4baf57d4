import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRetirement1796408160486 implements MigrationInterface {
  name = 'AddRetirement1796408160486';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "framework_version" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "framework_version" ADD "retired_by" uuid`);
    await queryRunner.query(`ALTER TABLE "cycle" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "cycle" ADD "retired_by" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cycle" DROP COLUMN "retired_by"`);
    await queryRunner.query(`ALTER TABLE "cycle" DROP COLUMN "retired_at"`);
    await queryRunner.query(`ALTER TABLE "framework_version" DROP COLUMN "retired_by"`);
    await queryRunner.query(`ALTER TABLE "framework_version" DROP COLUMN "retired_at"`);
  }
}
