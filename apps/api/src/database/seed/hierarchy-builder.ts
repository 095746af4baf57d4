import type { CareSetting, MembershipBasis, OrganisationChangeKind, TrustType } from '@wgll/contracts';
import {
  HIERARCHY_START,
  ICB_MERGER_DATE,
  maxDate,
  minDate,
} from '../../modules/organisations/dated-period.js';
import { addDays, isIsoDate } from '../../common/iso-date.js';
import { type CsvRow, parseCodeList, parseCsv, ReferenceDataError } from './reference-csv.js';

export const REFERENCE_FILES = {
  regions: 'nhs_england_regions.csv',
  icbs2022: 'icbs_42_2022_2026.csv',
  icbs2026: 'icbs_36_from_2026-04-01.csv',
  trusts: 'nhs_trusts_england.csv',
  changes: 'nhs_trust_changes_2024_2026.csv',
} as const;

export type ReferenceFileTexts = Record<keyof typeof REFERENCE_FILES, string>;

export interface RegionRow {
  odsCode: string;
  name: string;
  onsCode: string;
  onsCodePreJul2022: string | null;
}
export interface IcsRow {
  odsCode: string;
  name: string;
  onsCode: string | null;
  previousOnsCode: string | null;
  validFrom: string;
  validTo: string | null;
  note: string | null;
}
export interface IcsRegionRow {
  icsCode: string;
  regionCode: string;
  validFrom: string;
  validTo: string | null;
}
export interface SuccessionRow {
  predecessorCode: string;
  successorCode: string;
  part: string | null;
  effectiveOn: string;
}
export interface OrganisationRow {
  odsCode: string;
  name: string;
  previousNames: string[];
  type: TrustType;
  typeGroup: string | null;
  careSettings: CareSetting[];
  hqPostcode: string | null;
  openedOn: string | null;
  closedOn: string | null;
}
export interface MembershipRow {
  organisationCode: string;
  basis: MembershipBasis;
  icsCode: string;
  validFrom: string;
  validTo: string | null;
}
export interface ChangeRow {
  organisationCode: string;
  kind: OrganisationChangeKind;
  date: string | null;
  description: string;
  icsCodeAtChange: string | null;
  source: string;
}

export interface Hierarchy {
  regions: RegionRow[];
  icss: IcsRow[];
  icsRegions: IcsRegionRow[];
  successions: SuccessionRow[];
  organisations: OrganisationRow[];
  memberships: MembershipRow[];
  changes: ChangeRow[];
}

const TRUST_TYPES: Record<string, TrustType> = {
  acute: 'acute',
  acute_specialist: 'acute-specialist',
  mental_health_ld: 'mental-health-ld',
  community: 'community',
  ambulance: 'ambulance',
};

const CARE_SETTINGS: Record<string, CareSetting> = {
  Acute: 'acute',
  Community: 'community',
  'Mental Health': 'mental-health',
  Ambulance: 'ambulance',
};

const orNull = (value: string | undefined): string | null => (value && value.length > 0 ? value : null);

/** Builds the dated organisation hierarchy from the reference CSVs. Pure: no database. */
export function buildHierarchy(texts: ReferenceFileTexts): Hierarchy {
  const problems: string[] = [];
  const read = (key: keyof typeof REFERENCE_FILES, columns: string[]): CsvRow[] =>
    parseCsv(texts[key], REFERENCE_FILES[key], columns);

  const regions: RegionRow[] = read('regions', [
    'region_ods_code',
    'region_name',
    'region_ons_code_2022',
  ]).map((r) => ({
    odsCode: r['region_ods_code']!,
    name: r['region_name']!,
    onsCode: r['region_ons_code_2022']!,
    onsCodePreJul2022: orNull(r['region_ons_code_pre_jul_2022']),
  }));
  const regionCodes = new Set(regions.map((r) => r.odsCode));

  // ICBs 2022–2026, then the 2026 list: continuing ICBs extend, new ones start on 1 April 2026.
  const icsByCode = new Map<string, IcsRow>();
  const icsRegions: IcsRegionRow[] = [];
  for (const r of read('icbs2022', [
    'icb_ods_code',
    'icb_name',
    'icb_ons_code_2023',
    'icb_ons_code_2022',
    'region_ods_code',
    'valid_from',
    'valid_to',
  ])) {
    const code = r['icb_ods_code']!;
    const ons2023 = orNull(r['icb_ons_code_2023']);
    const ons2022 = orNull(r['icb_ons_code_2022']);
    icsByCode.set(code, {
      odsCode: code,
      name: r['icb_name']!,
      onsCode: ons2023,
      previousOnsCode: ons2022 !== ons2023 ? ons2022 : null,
      validFrom: r['valid_from']!,
      validTo: orNull(r['valid_to']),
      note: orNull(r['valid_to']) ? 'closed (merged)' : null,
    });
    icsRegions.push({
      icsCode: code,
      regionCode: r['region_ods_code']!,
      validFrom: r['valid_from']!,
      validTo: orNull(r['valid_to']),
    });
  }
  const successions: SuccessionRow[] = [];
  for (const r of read('icbs2026', [
    'icb_ods_code',
    'icb_name',
    'icb_ons_code_2026',
    'region_ods_code',
    'predecessor_icb_ods_codes',
    'valid_from',
    'status',
  ])) {
    const code = r['icb_ods_code']!;
    const validFrom = r['valid_from']!;
    const onsCode = orNull(r['icb_ons_code_2026']);
    const existing = icsByCode.get(code);
    if (existing) {
      existing.validTo = null;
      existing.name = r['icb_name']!;
      if (onsCode !== existing.onsCode) existing.previousOnsCode = existing.onsCode;
      existing.onsCode = onsCode;
      existing.note = orNull(r['status']);
      // A continuing ICB that changed region would close one period and open another.
      const current = icsRegions.find((m) => m.icsCode === code && m.validTo === null);
      if (current && current.regionCode !== r['region_ods_code']) {
        current.validTo = addDays(ICB_MERGER_DATE, -1);
        icsRegions.push({
          icsCode: code,
          regionCode: r['region_ods_code']!,
          validFrom: ICB_MERGER_DATE,
          validTo: null,
        });
      }
    } else {
      icsByCode.set(code, {
        odsCode: code,
        name: r['icb_name']!,
        onsCode,
        previousOnsCode: null,
        validFrom,
        validTo: null,
        note: orNull(r['status']),
      });
      icsRegions.push({ icsCode: code, regionCode: r['region_ods_code']!, validFrom, validTo: null });
    }
    for (const p of parseCodeList(r['predecessor_icb_ods_codes'] ?? '')) {
      successions.push({
        predecessorCode: p.code,
        successorCode: code,
        part: p.part,
        effectiveOn: validFrom,
      });
    }
  }
  for (const m of icsRegions) {
    if (!regionCodes.has(m.regionCode)) problems.push(`ICB ${m.icsCode}: unknown region ${m.regionCode}`);
  }
  for (const s of successions) {
    if (!icsByCode.has(s.predecessorCode))
      problems.push(`ICB ${s.successorCode}: unknown predecessor ${s.predecessorCode}`);
  }
  for (const ics of icsByCode.values()) {
    if (ics.validTo !== null && !successions.some((s) => s.predecessorCode === ics.odsCode)) {
      problems.push(`ICB ${ics.odsCode} closed on ${ics.validTo} but no 2026 ICB names it as a predecessor`);
    }
  }

  /** The ICS that carries on an ICS's role after the mergers, when that is unambiguous. */
  const soleSuccessor = (code: string): string | null => {
    const ics = icsByCode.get(code);
    if (!ics) return null;
    if (ics.validTo === null) return code;
    const next = successions.filter((s) => s.predecessorCode === code);
    return next.length === 1 ? next[0]!.successorCode : null;
  };

  const changeRows = read('changes', ['trust_ods_code', 'trust_name', 'change', 'date', 'source']);
  const changes: ChangeRow[] = changeRows.map((r) => toChange(r, problems));

  const organisations: OrganisationRow[] = [];
  const memberships: MembershipRow[] = [];
  for (const r of read('trusts', [
    'trust_ods_code',
    'trust_name',
    'trust_type_simple',
    'trust_type_staff_survey_group',
    'dma_2025_care_settings',
    'icb_ods_code',
    'icb_ods_code_dma_2025',
    'icb_ods_code_2026',
    'hq_postcode',
    'ods_open_date',
    'trust_name_2026_if_changed',
    'status_in_jul_2026_etr',
  ])) {
    const code = r['trust_ods_code']!;
    const type = TRUST_TYPES[r['trust_type_simple']!];
    if (!type) problems.push(`trust ${code}: unknown type "${r['trust_type_simple']}"`);
    const careSettings = (r['dma_2025_care_settings'] ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
      .map((s) => {
        const setting = CARE_SETTINGS[s];
        if (!setting) problems.push(`trust ${code}: unknown care setting "${s}"`);
        return setting!;
      });
    const openedOn = orNull(r['ods_open_date']);
    const closure = changes.find((c) => c.organisationCode === code && c.kind === 'closed');
    const statusClosed = /^closed (\d{4}-\d{2}-\d{2})$/.exec(r['status_in_jul_2026_etr'] ?? '')?.[1] ?? null;
    const closedOn = closure?.date ?? statusClosed;
    if (openedOn !== null && !isIsoDate(openedOn))
      problems.push(`trust ${code}: bad open date "${openedOn}"`);
    const newName = orNull(r['trust_name_2026_if_changed']);
    organisations.push({
      odsCode: code,
      name: newName ?? r['trust_name']!,
      previousNames: newName ? [r['trust_name']!] : [],
      type: type ?? 'acute',
      typeGroup: orNull(r['trust_type_staff_survey_group']),
      careSettings,
      hqPostcode: orNull(r['hq_postcode']),
      openedOn,
      closedOn,
    });

    const hq2025 = r['icb_ods_code']!;
    const assessment2025 = orNull(r['icb_ods_code_dma_2025']) ?? hq2025;
    const hq2026 = orNull(r['icb_ods_code_2026']) ?? soleSuccessor(hq2025);
    const assessment2026 = soleSuccessor(assessment2025) ?? hq2026;
    for (const [label, ics] of [
      ['headquarters ICB', hq2025],
      ['DMA ICS', assessment2025],
    ] as const) {
      if (!icsByCode.has(ics)) problems.push(`trust ${code}: unknown ${label} ${ics}`);
    }
    const start = maxDate(HIERARCHY_START, openedOn ?? HIERARCHY_START);
    const lastDayBefore = addDays(ICB_MERGER_DATE, -1);
    const periods: Array<{ from: string; to: string | null; hq: string | null; assessment: string | null }> =
      [];
    if (start <= lastDayBefore && (closedOn === null || closedOn >= start)) {
      periods.push({
        from: start,
        to: minDate(lastDayBefore, closedOn),
        hq: hq2025,
        assessment: assessment2025,
      });
    }
    if (closedOn === null || closedOn >= ICB_MERGER_DATE) {
      if (!hq2026) problems.push(`trust ${code}: no ICB known from ${ICB_MERGER_DATE}`);
      periods.push({
        from: maxDate(start, ICB_MERGER_DATE),
        to: closedOn,
        hq: hq2026,
        assessment: assessment2026,
      });
    }
    for (const basis of ['assessment', 'headquarters'] as const) {
      let current: MembershipRow | undefined;
      for (const p of periods) {
        const icsCode = basis === 'assessment' ? p.assessment : p.hq;
        if (icsCode === null) continue;
        if (current && current.icsCode === icsCode && current.validTo === addDays(p.from, -1)) {
          current.validTo = p.to;
        } else {
          current = { organisationCode: code, basis, icsCode, validFrom: p.from, validTo: p.to };
          memberships.push(current);
        }
      }
    }
  }

  if (problems.length > 0) throw new ReferenceDataError(problems);
  return {
    regions,
    icss: [...icsByCode.values()],
    icsRegions,
    successions,
    organisations,
    memberships,
    changes,
  };
}

function toChange(r: CsvRow, problems: string[]): ChangeRow {
  const code = r['trust_ods_code']!;
  const change = r['change']!;
  const dateText = r['date'] ?? '';
  const date = /^\d{4}-\d{2}-\d{2}/.exec(dateText)?.[0] ?? null;
  const approximate = dateText.includes('approx');
  const kind: OrganisationChangeKind | undefined = change.startsWith('renamed')
    ? 'renamed'
    : change.startsWith('closed')
      ? 'closed'
      : change.startsWith('opened')
        ? 'opened'
        : undefined;
  if (!kind) problems.push(`change for ${code}: unknown kind "${change}"`);
  const detail = /\((.+)\)/.exec(change)?.[1];
  const [from, to] = (r['trust_name'] ?? '').split(' -> ');
  const description =
    kind === 'renamed' && to
      ? `Renamed from ${from} to ${to}`
      : `${kind === 'opened' ? 'Opened' : 'Closed'}${detail ? ` (${detail})` : ''}${
          approximate ? ', date approximate' : ''
        }: ${r['trust_name']}`;
  return {
    organisationCode: code,
    kind: kind ?? 'renamed',
    date,
    description,
    icsCodeAtChange: orNull(r['icb_ods_code_at_change']),
    source: r['source']!,
  };
}
