import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An audit entry is written as the application writes it: with the database's own time and outside
 * the hash chain (only the chainer links it, later). Without this, anyone who can insert could
 * backdate an entry, or claim a chain position and stall or break the chain.
 */
export class GuardAuditInsert1796413565073 implements MigrationInterface {
  name = 'GuardAuditInsert1796413565073';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION audit_event_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.chain_seq IS NOT NULL OR NEW.chain_hash IS NOT NULL THEN
          RAISE EXCEPTION 'audit_event: an entry is linked into the hash chain only by the chainer, after it is written'
            USING ERRCODE = 'check_violation';
        END IF;
        NEW.occurred_at := now();
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_insert_guard BEFORE INSERT ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_insert_guard()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_insert_guard ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_insert_guard()`);
  }
}
