import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795266955776 implements MigrationInterface {
  name = 'Init1795266955776';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ics" ("ods_code" character varying(10) NOT NULL, "name" text NOT NULL, "ons_code" character varying(9), "previous_ons_code" character varying(9), "valid_from" date NOT NULL, "valid_to" date, "note" text, CONSTRAINT "PK_e94e28795b6fc6d05f75ed26b43" PRIMARY KEY ("ods_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "region" ("ods_code" character varying(10) NOT NULL, "name" text NOT NULL, "ons_code" character varying(9) NOT NULL, "ons_code_pre_jul_2022" character varying(9), CONSTRAINT "PK_eeae67e4acb579f73a6902a5133" PRIMARY KEY ("ods_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ics_region_membership" ("ics_code" character varying(10) NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "region_code" character varying(10) NOT NULL, CONSTRAINT "ics_region_membership_period" CHECK (valid_to IS NULL OR valid_to >= valid_from), CONSTRAINT "PK_ea60fad19d68768306f848fe7fc" PRIMARY KEY ("ics_code", "valid_from"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ics_region_membership_region" ON "ics_region_membership"  ("region_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ics_succession" ("predecessor_code" character varying(10) NOT NULL, "successor_code" character varying(10) NOT NULL, "part" text, "effective_on" date NOT NULL, CONSTRAINT "PK_2ec2f75dd4534b19846a24f997d" PRIMARY KEY ("predecessor_code", "successor_code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ics_succession_successor" ON "ics_succession"  ("successor_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_change" ("organisation_code" character varying(10) NOT NULL, "kind" character varying(10) NOT NULL, "date" date, "description" text NOT NULL, "ics_code_at_change" character varying(10), "source" text NOT NULL, CONSTRAINT "PK_1cbff5d93f8429d3e96464db1ca" PRIMARY KEY ("organisation_code", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation" ("ods_code" character varying(10) NOT NULL, "name" text NOT NULL, "previous_names" text array NOT NULL DEFAULT '{}', "type" character varying(20) NOT NULL, "type_group" text, "care_settings" text array NOT NULL DEFAULT '{}', "hq_postcode" character varying(10), "opened_on" date, "closed_on" date, CONSTRAINT "organisation_type" CHECK (type IN ('acute', 'acute-specialist', 'mental-health-ld', 'community', 'ambulance')), CONSTRAINT "PK_7bca14f541b02ad08b911fdddd5" PRIMARY KEY ("ods_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_ics_membership" ("organisation_code" character varying(10) NOT NULL, "basis" character varying(12) NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "ics_code" character varying(10) NOT NULL, CONSTRAINT "organisation_ics_membership_basis" CHECK (basis IN ('assessment', 'headquarters')), CONSTRAINT "organisation_ics_membership_period" CHECK (valid_to IS NULL OR valid_to >= valid_from), CONSTRAINT "PK_af73d9d379e2211106be5eeb242" PRIMARY KEY ("organisation_code", "basis", "valid_from"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "organisation_ics_membership_ics" ON "organisation_ics_membership"  ("ics_code", "basis") `,
    );
    await queryRunner.query(
      `ALTER TABLE "ics_region_membership" ADD CONSTRAINT "FK_a3e14446b9f332fc89d0adc907b" FOREIGN KEY ("ics_code") REFERENCES "ics"("ods_code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ics_region_membership" ADD CONSTRAINT "FK_937ab4103f655dbf046dfdc33a8" FOREIGN KEY ("region_code") REFERENCES "region"("ods_code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ics_succession" ADD CONSTRAINT "FK_113bc2e7ff963882b078d78da0e" FOREIGN KEY ("predecessor_code") REFERENCES "ics"("ods_code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ics_succession" ADD CONSTRAINT "FK_cdb106b08e3d9459699f571f03b" FOREIGN KEY ("successor_code") REFERENCES "ics"("ods_code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_ics_membership" ADD CONSTRAINT "FK_62529de64c119e4d4169a1cd8f0" FOREIGN KEY ("organisation_code") REFERENCES "organisation"("ods_code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_ics_membership" ADD CONSTRAINT "FK_eef1efdde860a558f3fe64ddbcb" FOREIGN KEY ("ics_code") REFERENCES "ics"("ods_code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_ics_membership" DROP CONSTRAINT "FK_eef1efdde860a558f3fe64ddbcb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_ics_membership" DROP CONSTRAINT "FK_62529de64c119e4d4169a1cd8f0"`,
    );
    await queryRunner.query(`ALTER TABLE "ics_succession" DROP CONSTRAINT "FK_cdb106b08e3d9459699f571f03b"`);
    await queryRunner.query(`ALTER TABLE "ics_succession" DROP CONSTRAINT "FK_113bc2e7ff963882b078d78da0e"`);
    await queryRunner.query(
      `ALTER TABLE "ics_region_membership" DROP CONSTRAINT "FK_937ab4103f655dbf046dfdc33a8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ics_region_membership" DROP CONSTRAINT "FK_a3e14446b9f332fc89d0adc907b"`,
    );
    await queryRunner.query(`DROP INDEX "public"."organisation_ics_membership_ics"`);
    await queryRunner.query(`DROP TABLE "organisation_ics_membership"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP TABLE "organisation_change"`);
    await queryRunner.query(`DROP INDEX "public"."ics_succession_successor"`);
    await queryRunner.query(`DROP TABLE "ics_succession"`);
    await queryRunner.query(`DROP INDEX "public"."ics_region_membership_region"`);
    await queryRunner.query(`DROP TABLE "ics_region_membership"`);
    await queryRunner.query(`DROP TABLE "region"`);
    await queryRunner.query(`DROP TABLE "ics"`);
  }
}
