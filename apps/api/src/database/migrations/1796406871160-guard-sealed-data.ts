import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sealed data holds in the database, whatever SQL the application's connection sends:
 * - a return's revision only moves on by the reopening of a submitted return (never back, never to a
 *   sealed revision), a return becomes submitted only with the seal of its revision, and both happen
 *   only with their audit event in the same transaction (checked at commit);
 * - seals are written only for the return's current, approved revision; approvals of a sealed
 *   revision never change; evidence never changes but for being marked removed; nothing moves from one
 *   return to another;
 * - result_score: a sealed return's scores are those of its seal, replaced only by a later sealed
 *   revision; published rows belong to an import of their cycle and are replaced, never edited;
 * - TRUNCATE is refused on every table holding sealed or audited data.
 * The application's database role cannot disable these triggers: it owns no table (README, "Database roles").
 */
const TRUNCATE_GUARDED = [
  'assessment_return',
  'domain_answer',
  'evidence',
  'return_approval',
  'return_seal',
  'result_score',
  'audit_event',
];

const RETURN_IDENTITY = `cycle_id, level, organisation_code, ics_code, care_setting, framework_id, framework_version,
  carried_forward_from, created_by, created_at`;

export class GuardSealedData1796406871160 implements MigrationInterface {
  name = 'GuardSealedData1796406871160';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const identity = (row: string) =>
      RETURN_IDENTITY.split(',')
        .map((c) => `${row}.${c.trim()}`)
        .join(', ');
    await queryRunner.query(`CREATE OR REPLACE FUNCTION return_sealed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.state = 'submitted' THEN
            RAISE EXCEPTION 'RETURN_SEALED: a return starts as a draft; it is submitted only with its seal'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'DELETE' THEN
          IF OLD.state = 'submitted' THEN
            RAISE EXCEPTION 'RETURN_SEALED: return % is sealed', OLD.id USING ERRCODE = 'check_violation';
          END IF;
          RETURN OLD;
        END IF;
        -- The reopening: a submitted return becomes the draft of its next revision, nothing else changes.
        IF OLD.state = 'submitted' AND NOT (NEW.state = 'draft' AND NEW.revision = OLD.revision + 1) THEN
          RAISE EXCEPTION 'RETURN_SEALED: return % is sealed', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.revision <> OLD.revision THEN
          IF NOT (OLD.state = 'submitted' AND NEW.revision = OLD.revision + 1) THEN
            RAISE EXCEPTION 'RETURN_SEALED: the revision of return % moves on only when it is reopened', OLD.id
              USING ERRCODE = 'check_violation';
          END IF;
          IF EXISTS (SELECT 1 FROM return_seal WHERE return_id = OLD.id AND revision >= NEW.revision) THEN
            RAISE EXCEPTION 'RETURN_SEALED: revision % of return % is already sealed', NEW.revision, OLD.id
              USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        IF NEW.id <> OLD.id OR (${identity('NEW')}) IS DISTINCT FROM (${identity('OLD')}) THEN
          IF OLD.state = 'submitted' OR EXISTS (SELECT 1 FROM return_seal WHERE return_id = OLD.id) THEN
            RAISE EXCEPTION 'RETURN_SEALED: what return % is about never changes once it has been sealed', OLD.id
              USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        IF NEW.state = 'submitted' AND OLD.state <> 'submitted'
          AND NOT EXISTS (SELECT 1 FROM return_seal WHERE return_id = NEW.id AND revision = NEW.revision) THEN
          RAISE EXCEPTION 'RETURN_SEALED: return % is submitted only with the seal of revision %', NEW.id, NEW.revision
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`DROP TRIGGER return_sealed_guard ON "assessment_return"`);
    await queryRunner.query(
      `CREATE TRIGGER return_sealed_guard BEFORE INSERT OR UPDATE OR DELETE ON "assessment_return" FOR EACH ROW EXECUTE FUNCTION return_sealed_guard()`,
    );

    // The API records the submission and the reopening in the audit log in the same transaction;
    // checked at commit, so a change made in SQL alone is refused (a forged audit entry is in the chain).
    await queryRunner.query(`CREATE FUNCTION return_transition_audited() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        wanted text := CASE WHEN NEW.revision <> OLD.revision THEN 'return.reopened' ELSE 'return.submitted' END;
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM audit_event
          WHERE target_type = 'return' AND target_id = NEW.id::text AND action = wanted
            AND details->>'revision' = NEW.revision::text
        ) THEN
          RAISE EXCEPTION 'RETURN_SEALED: % of return % revision % has no audit event', wanted, NEW.id, NEW.revision
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER return_transition_audited AFTER UPDATE ON "assessment_return" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.revision <> OLD.revision OR (NEW.state = 'submitted' AND OLD.state <> 'submitted')) EXECUTE FUNCTION return_transition_audited()`,
    );

    // A part never moves to another return (the old guard checked only where it moved to).
    await queryRunner.query(`CREATE OR REPLACE FUNCTION return_part_sealed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target uuid;
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.return_id IS DISTINCT FROM OLD.return_id THEN
          RAISE EXCEPTION 'RETURN_SEALED: a % row never moves to another return', TG_TABLE_NAME
            USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN target := OLD.return_id; ELSE target := NEW.return_id; END IF;
        IF EXISTS (SELECT 1 FROM assessment_return WHERE id = target AND state = 'submitted') THEN
          RAISE EXCEPTION 'RETURN_SEALED: return % is sealed', target USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);

    // Seals name evidence by id and SHA-256: a row only ever gains its removal mark.
    await queryRunner.query(`CREATE FUNCTION evidence_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.id, NEW.kind, NEW.title, NEW.url, NEW.file_name, NEW.media_type, NEW.size_bytes, NEW.sha256,
            NEW.added_by, NEW.added_at)
           IS DISTINCT FROM (OLD.id, OLD.kind, OLD.title, OLD.url, OLD.file_name, OLD.media_type, OLD.size_bytes,
            OLD.sha256, OLD.added_by, OLD.added_at)
           OR NEW.content IS DISTINCT FROM OLD.content
           OR (OLD.removed_at IS NOT NULL AND NEW.removed_at IS DISTINCT FROM OLD.removed_at) THEN
          RAISE EXCEPTION 'evidence never changes: it is only marked removed' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER evidence_immutable BEFORE UPDATE ON "evidence" FOR EACH ROW EXECUTE FUNCTION evidence_immutable()`,
    );

    // Approvals are of the return's current revision; those of a sealed revision never change.
    await queryRunner.query(`CREATE FUNCTION return_approval_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NOT EXISTS (SELECT 1 FROM assessment_return WHERE id = NEW.return_id AND revision = NEW.revision)
            OR EXISTS (SELECT 1 FROM return_seal WHERE return_id = NEW.return_id AND revision = NEW.revision) THEN
            RAISE EXCEPTION 'RETURN_SEALED: an approval is of the current, unsealed revision of its return'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF EXISTS (SELECT 1 FROM return_seal WHERE return_id = OLD.return_id AND revision = OLD.revision) THEN
          RAISE EXCEPTION 'RETURN_SEALED: revision % of return % is sealed', OLD.revision, OLD.return_id
            USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        IF (NEW.id, NEW.revision, NEW.approver_id, NEW.meeting_date, NEW.minute_reference, NEW.approved_at)
           IS DISTINCT FROM (OLD.id, OLD.revision, OLD.approver_id, OLD.meeting_date, OLD.minute_reference,
            OLD.approved_at)
           OR (OLD.withdrawn_at IS NOT NULL AND NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at) THEN
          RAISE EXCEPTION 'an approval never changes: it is only withdrawn' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER return_approval_guard BEFORE INSERT OR UPDATE OR DELETE ON "return_approval" FOR EACH ROW EXECUTE FUNCTION return_approval_guard()`,
    );

    // A seal is made of the return's current revision once the board has approved it.
    await queryRunner.query(`CREATE FUNCTION return_seal_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM assessment_return WHERE id = NEW.return_id AND revision = NEW.revision AND state = 'approved'
        ) THEN
          RAISE EXCEPTION 'RETURN_SEALED: only the current revision of an approved return is sealed'
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER return_seal_insert_guard BEFORE INSERT ON "return_seal" FOR EACH ROW EXECUTE FUNCTION return_seal_insert_guard()`,
    );

    await queryRunner.query(`CREATE FUNCTION result_score_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        snap jsonb;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          -- Published rows are replaced by the next import; a sealed return's only by a later seal.
          IF OLD.source = 'sealed' AND NOT EXISTS (
            SELECT 1 FROM return_seal WHERE return_id = OLD.return_id AND revision > OLD.revision
          ) THEN
            RAISE EXCEPTION 'RESULT_SEALED: the scores of a sealed return go only when a later revision is sealed'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' THEN
          IF OLD.source <> 'sealed' THEN
            RAISE EXCEPTION 'RESULT_SEALED: published results are replaced by an import, never changed'
              USING ERRCODE = 'check_violation';
          END IF;
          IF (NEW.id, NEW.cycle_id, NEW.source, NEW.level, NEW.organisation_code, NEW.care_setting, NEW.return_id)
             IS DISTINCT FROM (OLD.id, OLD.cycle_id, OLD.source, OLD.level, OLD.organisation_code, OLD.care_setting,
              OLD.return_id)
             OR NEW.revision <= OLD.revision THEN
            RAISE EXCEPTION 'RESULT_SEALED: a sealed return''s scores are replaced only by those of a later sealed revision'
              USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        IF NEW.source = 'published' THEN
          IF NEW.return_id IS NOT NULL OR NEW.revision IS NOT NULL OR NOT EXISTS (
            SELECT 1 FROM result_import WHERE id = NEW.import_id AND cycle_id = NEW.cycle_id
          ) THEN
            RAISE EXCEPTION 'RESULT_SEALED: published results come from an import of their cycle'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        -- Sealed: the scores in the seal of the return's current revision, for the return's own place.
        SELECT s.snapshot::jsonb INTO snap
          FROM return_seal s JOIN assessment_return r ON r.id = s.return_id AND r.revision = s.revision
          WHERE s.return_id = NEW.return_id AND s.revision = NEW.revision AND NEW.import_id IS NULL
            AND r.cycle_id = NEW.cycle_id AND r.level = NEW.level
            AND r.organisation_code IS NOT DISTINCT FROM NEW.organisation_code
            AND r.care_setting IS NOT DISTINCT FROM NEW.care_setting
            AND (r.level <> 'system' OR r.ics_code = NEW.ics_code);
        IF snap IS NULL THEN
          RAISE EXCEPTION 'RESULT_SEALED: a return''s scores are recorded from the seal of its current revision'
            USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.overall IS DISTINCT FROM (snap #>> '{scores,overall}')::double precision
          OR NEW.measures IS DISTINCT FROM (
            SELECT coalesce(jsonb_object_agg(m->>'measure', m->'score'), '{}'::jsonb)
            FROM jsonb_array_elements(snap #> '{scores,measures}') m WHERE jsonb_typeof(m->'score') = 'number')
          OR NEW.domain_levels IS DISTINCT FROM (
            SELECT coalesce(jsonb_object_agg(d->>'domainId', d->'level'), '{}'::jsonb)
            FROM jsonb_array_elements(snap #> '{scores,domains}') d WHERE d->>'status' <> 'unanswered') THEN
          RAISE EXCEPTION 'RESULT_SEALED: a sealed return''s scores are those of its seal'
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER result_score_guard BEFORE INSERT OR UPDATE OR DELETE ON "result_score" FOR EACH ROW EXECUTE FUNCTION result_score_guard()`,
    );

    await queryRunner.query(`CREATE FUNCTION sealed_data_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% holds sealed or audited records and is never truncated', TG_TABLE_NAME
          USING ERRCODE = 'check_violation';
      END $$`);
    for (const table of TRUNCATE_GUARDED) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION sealed_data_no_truncate()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TRUNCATE_GUARDED) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION sealed_data_no_truncate()`);
    await queryRunner.query(`DROP TRIGGER result_score_guard ON "result_score"`);
    await queryRunner.query(`DROP FUNCTION result_score_guard()`);
    await queryRunner.query(`DROP TRIGGER return_seal_insert_guard ON "return_seal"`);
    await queryRunner.query(`DROP FUNCTION return_seal_insert_guard()`);
    await queryRunner.query(`DROP TRIGGER return_approval_guard ON "return_approval"`);
    await queryRunner.query(`DROP FUNCTION return_approval_guard()`);
    await queryRunner.query(`DROP TRIGGER evidence_immutable ON "evidence"`);
    await queryRunner.query(`DROP FUNCTION evidence_immutable()`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION return_part_sealed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target uuid;
      BEGIN
        IF TG_OP = 'DELETE' THEN target := OLD.return_id; ELSE target := NEW.return_id; END IF;
        IF EXISTS (SELECT 1 FROM assessment_return WHERE id = target AND state = 'submitted') THEN
          RAISE EXCEPTION 'RETURN_SEALED: return % is sealed', target USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`DROP TRIGGER return_transition_audited ON "assessment_return"`);
    await queryRunner.query(`DROP FUNCTION return_transition_audited()`);
    await queryRunner.query(`DROP TRIGGER return_sealed_guard ON "assessment_return"`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION return_sealed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state = 'submitted' AND NOT (TG_OP = 'UPDATE' AND NEW.state = 'draft' AND NEW.revision = OLD.revision + 1) THEN
          RAISE EXCEPTION 'RETURN_SEALED: return % is sealed', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER return_sealed_guard BEFORE UPDATE OR DELETE ON "assessment_return" FOR EACH ROW EXECUTE FUNCTION return_sealed_guard()`,
    );
  }
}
