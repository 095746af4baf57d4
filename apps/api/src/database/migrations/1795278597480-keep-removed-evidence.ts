import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KeepRemovedEvidence1795278597480 implements MigrationInterface {
  name = 'KeepRemovedEvidence1795278597480';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence" ADD "removed_at" TIMESTAMP WITH TIME ZONE`);
    // Removing evidence marks it; the row and its file stay, for the seals that name them.
    await queryRunner.query(`CREATE FUNCTION evidence_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'evidence is never deleted: mark it removed' USING ERRCODE = 'check_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER evidence_kept BEFORE DELETE ON "evidence" FOR EACH ROW EXECUTE FUNCTION evidence_kept()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER evidence_kept ON "evidence"`);
    await queryRunner.query(`DROP FUNCTION evidence_kept()`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "removed_at"`);
  }
}
