import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNotifications1796473088686 implements MigrationInterface {
  name = 'AddNotifications1796473088686';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "key" character varying(200) NOT NULL, "subject" character varying(300) NOT NULL, "summary" text NOT NULL, "link" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705062b14410ff1a04998f86d72" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "notice_user_created" ON "notice"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "notice_once" ON "notice"  ("kind", "key", "user_id") `);
    await queryRunner.query(
      `CREATE TABLE "email_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notice_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "to_address" character varying(320) NOT NULL, "subject" character varying(300) NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "unsubscribe_url" character varying(1000), "secret" boolean NOT NULL DEFAULT false, "status" character varying(10) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "provider_id" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "REL_3e9311929eafdcc7c0089d59f4" UNIQUE ("notice_id"), CONSTRAINT "PK_a39c05a113fa6130d51558e809a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "email_delivery_due" ON "email_delivery"  ("status", "next_attempt_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "email" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0f7529aefc65bd035491bb755bf" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notice" ADD CONSTRAINT "FK_3667d24b06587be480a9015d3b2" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_delivery" ADD CONSTRAINT "FK_3e9311929eafdcc7c0089d59f41" FOREIGN KEY ("notice_id") REFERENCES "notice"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_ff040d2d2e35c49b00525783829" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_ff040d2d2e35c49b00525783829"`,
    );
    await queryRunner.query(`ALTER TABLE "email_delivery" DROP CONSTRAINT "FK_3e9311929eafdcc7c0089d59f41"`);
    await queryRunner.query(`ALTER TABLE "notice" DROP CONSTRAINT "FK_3667d24b06587be480a9015d3b2"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP INDEX "public"."email_delivery_due"`);
    await queryRunner.query(`DROP TABLE "email_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."notice_once"`);
    await queryRunner.query(`DROP INDEX "public"."notice_user_created"`);
    await queryRunner.query(`DROP TABLE "notice"`);
  }
}
