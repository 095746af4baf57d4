import type { LevelNumber, NationalTarget } from '@wgll/contracts';
import { type FrameworkVersion, MEASURE_NAMES } from '@wgll/framework';
import type { NationalTargetEntity } from './entities/national-target.entity.js';

/** What counts, in plain English, naming the domain and element as the newest version words them. */
export function targetSummary(row: NationalTargetEntity, versions: readonly FrameworkVersion[]): string {
  if (row.kind === 'measure') {
    const name = row.measure === 'overall' ? 'Overall' : MEASURE_NAMES[row.measure!];
    return `${name} score of ${row.value} or above`;
  }
  const domain = versions.flatMap((v) => v.domains).find((d) => d.id === row.domainId);
  const domainName = domain ? `“${domain.title}” (${row.domainId})` : (row.domainId ?? '');
  if (row.kind === 'domain') return `${domainName} at level ${row.level} or above`;
  const element = domain?.levels.flatMap((l) => l.elements).find((e) => e.id === row.elementId);
  const text = element ? element.text.replace(/\.$/, '') : row.elementId;
  return `${domainName}: “${text}” (${row.elementId}) met`;
}

export function toNationalTarget(
  row: NationalTargetEntity,
  versions: readonly FrameworkVersion[],
): NationalTarget {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    frameworkId: row.frameworkId,
    domainId: row.domainId,
    lineageId: row.lineageId,
    level: row.level as LevelNumber | null,
    elementId: row.elementId,
    measure: row.measure,
    value: row.value,
    careSettings: row.careSettings,
    percent: row.percent,
    dueDate: row.dueDate,
    summary: targetSummary(row, versions),
    version: row.version,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
