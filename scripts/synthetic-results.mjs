// A generator of synthetic sealed returns for benchmarks: organisations spread over the 42 ICBs of
// 2022–2026, each with a sealed return per care setting in each of two cycles, answered on the bundled
// 2026 question bank and scored with @wgll/scoring, stored as the product stores them (submitted
// return, seal snapshot with its SHA-256, result_score, audit event). Also one sealed ICB return per ICS
// per cycle. The database's guards hold here too: each return is approved, sealed, scored from its seal,
// audited, and only then submitted.
import { randomUUID } from 'node:crypto';
import { CARE_SETTINGS, MEASURE_IDS } from '@wgll/framework';
import { scoreReturn } from '@wgll/scoring';
import { canonicalJson, sha256Hex } from '../apps/api/dist/common/canonical-json.js';
import { readBundledFrameworks } from '../apps/api/dist/modules/frameworks/bundled-frameworks.js';

/** Deterministic, so two runs generate the same data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BATCH = 500;

/**
 * @param {import('typeorm').DataSource} db
 * @param {{ organisations: number, sealedBy: string, log?: (text: string) => void }} options
 */
export async function generateSyntheticResults(db, { organisations, sealedBy, log = () => {} }) {
  const bundled = readBundledFrameworks().map((f) => f.document);
  const orgFramework = bundled.find((f) => f.level === 'organisation');
  const sysFramework = bundled.find((f) => f.level === 'system');
  const frameworkHash = (f) => sha256Hex(canonicalJson(f));
  const hashes = new Map([orgFramework, sysFramework].map((f) => [f.frameworkId, frameworkHash(f)]));
  const rnd = random(2026);
  const stamp = Date.now().toString(36).toUpperCase();

  // 42 ICBs and their regions on 1 April 2025.
  const icsRows = await db.query(
    `SELECT i.ods_code, irm.region_code FROM ics i
     JOIN ics_region_membership irm ON irm.ics_code = i.ods_code
       AND irm.valid_from <= '2025-04-01' AND (irm.valid_to IS NULL OR irm.valid_to >= '2025-04-01')
     WHERE i.valid_from <= '2025-04-01' AND (i.valid_to IS NULL OR i.valid_to >= '2025-04-01')
     ORDER BY i.ods_code`,
  );
  const region = new Map(icsRows.map((r) => [r.ods_code, r.region_code]));

  // Organisations: every care setting each, spread round the ICSs.
  const orgs = Array.from({ length: organisations }, (_, n) => ({
    code: `Z${stamp.slice(-3)}${n.toString(36).toUpperCase().padStart(4, '0')}`.slice(0, 10),
    ics: icsRows[n % icsRows.length].ods_code,
    maturity: 1.4 + rnd() * 2.4,
  }));
  for (let i = 0; i < orgs.length; i += BATCH) {
    const batch = orgs.slice(i, i + BATCH);
    await db.query(
      `INSERT INTO organisation (ods_code, name, type, care_settings)
       SELECT code, 'SYNTHETIC TRUST ' || code, 'acute', $2::text[] FROM unnest($1::text[]) AS code`,
      [batch.map((o) => o.code), CARE_SETTINGS],
    );
    await db.query(
      `INSERT INTO organisation_ics_membership (organisation_code, basis, valid_from, valid_to, ics_code)
       SELECT code, 'assessment', '2022-07-01', '2026-03-31', ics FROM unnest($1::text[], $2::text[]) AS x(code, ics)`,
      [batch.map((o) => o.code), batch.map((o) => o.ics)],
    );
  }
  log(`${orgs.length} synthetic organisations in ${icsRows.length} ICSs`);

  const cycles = [];
  for (const [name, year] of [
    [`Bench ${stamp} 2024/25`, 2024],
    [`Bench ${stamp} 2025/26`, 2025],
  ]) {
    const [cycle] = await db.query(
      `INSERT INTO cycle (name, organisation_framework_id, organisation_framework_version, system_framework_id,
         system_framework_version, opens_on, closes_on, reference_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $6) RETURNING id, name, reference_date::text AS "referenceDate"`,
      [
        name,
        orgFramework.frameworkId,
        orgFramework.version,
        sysFramework.frameworkId,
        sysFramework.version,
        `${year}-04-01`,
        `${year + 1}-03-31`,
      ],
    );
    cycles.push(cycle);
  }

  for (const [index, cycle] of cycles.entries()) {
    const owners = [
      ...orgs.flatMap((o) => CARE_SETTINGS.map((setting) => ({ level: 'organisation', org: o, setting }))),
      ...icsRows.map((i) => ({ level: 'system', ics: i.ods_code, maturity: 1.5 + rnd() * 2 })),
    ];
    for (let i = 0; i < owners.length; i += BATCH) {
      const rows = owners.slice(i, i + BATCH).map((owner) => {
        const framework = owner.level === 'system' ? sysFramework : orgFramework;
        const maturity = (owner.org?.maturity ?? owner.maturity) + index * 0.3;
        const answers = new Map();
        const sealedAnswers = [];
        for (const domain of framework.domains) {
          if (owner.setting && domain.careSettings !== 'all' && !domain.careSettings.includes(owner.setting))
            continue;
          const level = Math.max(1, Math.min(5, Math.round(maturity + (rnd() - 0.5) * 2)));
          const met = domain.levels
            .filter((l) => l.level <= level)
            .flatMap((l) => l.elements.map((e) => e.id));
          answers.set(domain.id, { met: new Set(met) });
          sealedAnswers.push({
            domainId: domain.id,
            measure: domain.measure,
            met: [...met].sort(),
            notApplicable: false,
            comment: '',
            confidence: 'medium',
            evidenceIds: [],
          });
        }
        const scores = scoreReturn(framework, owner.setting ?? null, answers);
        const id = randomUUID();
        const ics = owner.level === 'system' ? owner.ics : owner.org.ics;
        const snapshot = canonicalJson({
          format: 'wgll-sealed-return/1',
          return: {
            id,
            cycle: { id: cycle.id, name: cycle.name, referenceDate: cycle.referenceDate },
            level: owner.level,
            owner: { type: owner.level === 'system' ? 'ics' : 'organisation', code: owner.org?.code ?? ics },
            careSetting: owner.setting ?? null,
            revision: 1,
          },
          framework: {
            frameworkId: framework.frameworkId,
            version: framework.version,
            sha256: hashes.get(framework.frameworkId),
          },
          answers: sealedAnswers,
          evidence: [],
          scores,
          approvals: [],
          submittedBy: { id: sealedBy, displayName: 'Benchmark', email: 'bench@bench.wgll.example' },
          submittedAt: new Date().toISOString(),
        });
        return {
          id,
          owner,
          ics,
          framework,
          snapshot,
          sha256: sha256Hex(snapshot),
          measures: Object.fromEntries(
            scores.measures.filter((m) => m.score !== null).map((m) => [m.measure, m.score]),
          ),
          overall: scores.overall,
          domainLevels: Object.fromEntries(
            scores.domains.filter((d) => d.status !== 'unanswered').map((d) => [d.domainId, d.level]),
          ),
        };
      });
      const col = (f) => rows.map(f);
      await db.query(
        `INSERT INTO assessment_return (id, cycle_id, level, organisation_code, ics_code, care_setting, framework_id,
           framework_version, state, revision, created_by)
         SELECT id, $2, level, org, ics, setting, fid, fver, 'approved', 1, $9
         FROM unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           AS x(id, level, org, ics, setting, fid, fver)`,
        [
          col((r) => r.id),
          cycle.id,
          col((r) => r.owner.level),
          col((r) => r.owner.org?.code ?? null),
          col((r) => (r.owner.level === 'system' ? r.ics : null)),
          col((r) => r.owner.setting ?? null),
          col((r) => r.framework.frameworkId),
          col((r) => r.framework.version),
          sealedBy,
        ],
      );
      await db.query(
        `INSERT INTO return_seal (return_id, revision, snapshot, sha256, sealed_by)
         SELECT id, 1, snapshot, sha, $4 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(id, snapshot, sha)`,
        [col((r) => r.id), col((r) => r.snapshot), col((r) => r.sha256), sealedBy],
      );
      await db.query(
        `INSERT INTO result_score (cycle_id, source, level, organisation_code, ics_code, region_code, care_setting,
           measures, overall, domain_levels, return_id, revision)
         SELECT $1, 'sealed', level, org, ics, region, setting, measures, overall, domains, id, 1
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::float8[],
           $9::jsonb[], $10::uuid[])
           AS x(level, org, ics, region, setting, measures, overall, domains, id)`,
        [
          cycle.id,
          col((r) => r.owner.level),
          col((r) => r.owner.org?.code ?? null),
          col((r) => r.ics),
          col((r) => region.get(r.ics) ?? null),
          col((r) => r.owner.setting ?? null),
          col((r) => JSON.stringify(r.measures)),
          col((r) => r.overall),
          col((r) => JSON.stringify(r.domainLevels)),
          col((r) => r.id),
        ],
      );
      await db.query(
        `INSERT INTO audit_event (actor_id, actor_label, action, target_type, target_id, details)
         SELECT $3, 'bench@bench.wgll.example', 'return.submitted', 'return', id::text,
           jsonb_build_object('revision', 1, 'sha256', sha)
         FROM unnest($1::uuid[], $2::text[]) AS x(id, sha)`,
        [col((r) => r.id), col((r) => r.sha256), sealedBy],
      );
      await db.query(`UPDATE assessment_return SET state = 'submitted' WHERE id = ANY($1::uuid[])`, [
        col((r) => r.id),
      ]);
    }
    log(
      `${cycle.name}: ${owners.length} sealed returns (${orgs.length} × ${CARE_SETTINGS.length} care settings + ${icsRows.length} ICBs)`,
    );
  }
  return {
    cycles,
    organisations: orgs.length,
    ics: icsRows.map((r) => r.ods_code),
    measures: MEASURE_IDS.length,
  };
}
