import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAuditChain1796407138915 implements MigrationInterface {
  name = 'AddAuditChain1796407138915';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "chain_seq" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "chain_hash" character(64)`);
    await queryRunner.query(
      `CREATE INDEX "audit_event_unchained" ON "audit_event"  ("id") WHERE chain_hash IS NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "audit_event_chain_seq" ON "audit_event"  ("chain_seq") `);
    // Still append-only, with one exception: the chainer links an unchained row into the hash chain
    // once (both chain columns, from null), leaving every other column as it was.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND OLD.chain_hash IS NULL
           AND NEW.chain_seq IS NOT NULL AND NEW.chain_hash IS NOT NULL
           AND (to_jsonb(NEW) - 'chain_seq' - 'chain_hash') = (to_jsonb(OLD) - 'chain_seq' - 'chain_hash') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only: an entry never changes, except to be linked into the hash chain once'
          USING ERRCODE = 'check_violation';
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'check_violation';
      END $$`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_chain_seq"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_unchained"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "chain_hash"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "chain_seq"`);
  }
}
