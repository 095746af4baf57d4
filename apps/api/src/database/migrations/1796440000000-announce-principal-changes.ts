import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel of principal changes; the payload is the user's id, or '*' for everyone. */
const CHANNEL = 'wgll_principal_changed';

/**
 * Every change that can end or narrow what a signed-in user may do (a session revoked or deleted, an
 * account disabled, renamed or deleted, a role granted, changed or removed) is announced on the
 * channel `wgll_principal_changed` with the user's id ('*': everyone, after a TRUNCATE), so each API
 * process drops the principals it keeps in memory (auth/principal-cache.ts). A trigger rather than
 * the application: a change made by any means, in any process, is announced, and only if it commits.
 */
export class AnnouncePrincipalChanges1796440000000 implements MigrationInterface {
  name = 'AnnouncePrincipalChanges1796440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION principal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_LEVEL = 'STATEMENT' THEN
          PERFORM pg_notify('${CHANNEL}', '*');
        ELSIF TG_TABLE_NAME = 'app_user' THEN
          PERFORM pg_notify('${CHANNEL}', OLD.id::text);
        ELSE
          IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('${CHANNEL}', OLD.user_id::text); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('${CHANNEL}', NEW.user_id::text); END IF;
        END IF;
        RETURN NULL;
      END $$`);
    const triggers = [
      `auth_session_changed AFTER UPDATE ON "auth_session" FOR EACH ROW
       WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.user_id IS DISTINCT FROM NEW.user_id)`,
      `auth_session_deleted AFTER DELETE ON "auth_session" FOR EACH ROW`,
      `auth_session_truncated AFTER TRUNCATE ON "auth_session" FOR EACH STATEMENT`,
      `app_user_changed AFTER UPDATE ON "app_user" FOR EACH ROW
       WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.email IS DISTINCT FROM NEW.email
             OR OLD.display_name IS DISTINCT FROM NEW.display_name)`,
      `app_user_deleted AFTER DELETE ON "app_user" FOR EACH ROW`,
      `app_user_truncated AFTER TRUNCATE ON "app_user" FOR EACH STATEMENT`,
      `role_assignment_changed AFTER INSERT OR UPDATE OR DELETE ON "role_assignment" FOR EACH ROW`,
      `role_assignment_truncated AFTER TRUNCATE ON "role_assignment" FOR EACH STATEMENT`,
    ];
    for (const trigger of triggers) {
      await queryRunner.query(`CREATE TRIGGER ${trigger} EXECUTE FUNCTION principal_changed()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table] of [
      ['auth_session_changed', 'auth_session'],
      ['auth_session_deleted', 'auth_session'],
      ['auth_session_truncated', 'auth_session'],
      ['app_user_changed', 'app_user'],
      ['app_user_deleted', 'app_user'],
      ['app_user_truncated', 'app_user'],
      ['role_assignment_changed', 'role_assignment'],
      ['role_assignment_truncated', 'role_assignment'],
    ]) {
      await queryRunner.query(`DROP TRIGGER ${name} ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION principal_changed()`);
  }
}
