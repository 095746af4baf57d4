import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDemoMarkers1796417338668 implements MigrationInterface {
  name = 'AddDemoMarkers1796417338668';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "demo_marker" ("kind" character varying(10) NOT NULL, "ref" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "demo_marker_kind" CHECK (kind IN ('world', 'cycle', 'return', 'user')), CONSTRAINT "PK_d3722f86a125f32bef1877c2da8" PRIMARY KEY ("kind", "ref"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "demo_marker"`);
  }
}
