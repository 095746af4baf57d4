import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DemoMarkerEntity, type DemoMarkerKind } from './demo-marker.entity.js';

/** Reads and writes the list of demonstration data (table demo_marker, owned by this module). */
@Injectable()
export class DemoMarkersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Marks rows as demonstration data (marking one again changes nothing). */
  async mark(kind: DemoMarkerKind, refs: string[], manager: EntityManager = this.dataSource.manager) {
    if (refs.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(DemoMarkerEntity)
      .values(refs.map((ref) => ({ kind, ref })))
      .orIgnore()
      .execute();
  }

  /** Which of `refs` are demonstration data. */
  async marked(
    kind: DemoMarkerKind,
    refs: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (refs.length === 0) return new Set();
    const rows = await manager
      .getRepository(DemoMarkerEntity)
      .find({ where: { kind, ref: In([...new Set(refs)]) }, select: { ref: true } });
    return new Set(rows.map((r) => r.ref));
  }

  /** Every ref of a kind (few: cycles, the world's versions). */
  async all(kind: DemoMarkerKind, manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    const rows = await manager
      .getRepository(DemoMarkerEntity)
      .find({ where: { kind }, select: { ref: true } });
    return new Set(rows.map((r) => r.ref));
  }
}
