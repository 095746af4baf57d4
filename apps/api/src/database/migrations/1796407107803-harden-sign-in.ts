import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HardenSignIn1796407107803 implements MigrationInterface {
  name = 'HardenSignIn1796407107803';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_token" ADD "used_by" character(64)`);
    await queryRunner.query(
      `ALTER TABLE "sign_in_throttle" ADD "source" character varying(64) NOT NULL DEFAULT 'any'`,
    );
    await queryRunner.query(
      `ALTER TABLE "sign_in_throttle" DROP CONSTRAINT "PK_c18a969ed3b9dd6a3c88b04f1d7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sign_in_throttle" ADD CONSTRAINT "PK_6df4269ffe9b8bfa775ba8ff4fc" PRIMARY KEY ("email", "source")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sign_in_throttle" DROP CONSTRAINT "PK_6df4269ffe9b8bfa775ba8ff4fc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sign_in_throttle" ADD CONSTRAINT "PK_c18a969ed3b9dd6a3c88b04f1d7" PRIMARY KEY ("email")`,
    );
    await queryRunner.query(`ALTER TABLE "sign_in_throttle" DROP COLUMN "source"`);
    await queryRunner.query(`ALTER TABLE "refresh_token" DROP COLUMN "used_by"`);
  }
}
