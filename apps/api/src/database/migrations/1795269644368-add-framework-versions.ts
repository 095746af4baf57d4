import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddFrameworkVersions1795269644368 implements MigrationInterface {
  name = 'AddFrameworkVersions1795269644368';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "framework_version" ("framework_id" character varying(100) NOT NULL, "version" character varying(40) NOT NULL, "title" text NOT NULL, "level" character varying(12) NOT NULL, "status" character varying(10) NOT NULL, "published_on" date, "document" jsonb NOT NULL, "sha256" character(64) NOT NULL, "source" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "framework_version_source" CHECK (source IN ('bundled', 'uploaded')), CONSTRAINT "framework_version_status" CHECK (status IN ('draft', 'published', 'retired')), CONSTRAINT "framework_version_level" CHECK (level IN ('organisation', 'system')), CONSTRAINT "PK_241350933a4bf65c1c5ffd68eb5" PRIMARY KEY ("framework_id", "version"))`,
    );
    // Published (and retired) versions never change, nor go back to draft: the service refuses,
    // and so does the database.
    await queryRunner.query(`CREATE FUNCTION framework_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' AND (TG_OP = 'DELETE' OR NEW.status = 'draft'
      OR NEW.document IS DISTINCT FROM OLD.document OR NEW.sha256 IS DISTINCT FROM OLD.sha256
      OR NEW.framework_id IS DISTINCT FROM OLD.framework_id OR NEW.version IS DISTINCT FROM OLD.version
      OR NEW.level IS DISTINCT FROM OLD.level OR NEW.published_on IS DISTINCT FROM OLD.published_on) THEN
    RAISE EXCEPTION 'framework version %/% is % and cannot change', OLD.framework_id, OLD.version, OLD.status
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$`);
    await queryRunner.query(
      `CREATE TRIGGER framework_version_immutable BEFORE UPDATE OR DELETE ON "framework_version" FOR EACH ROW EXECUTE FUNCTION framework_version_immutable()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER framework_version_immutable ON "framework_version"`);
    await queryRunner.query(`DROP FUNCTION framework_version_immutable()`);
    await queryRunner.query(`DROP TABLE "framework_version"`);
  }
}
