import type { INestApplicationContext } from '@nestjs/common';
import type { MeasureId } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import type { Principal } from '../../../modules/access/principal.js';
import { AnswersService } from '../../../modules/assessments/answers.service.js';
import { AssignmentsService } from '../../../modules/assessments/assignments.service.js';
import { EvidenceService } from '../../../modules/assessments/evidence.service.js';
import { applicableDomains } from '../../../modules/assessments/return-view.js';
import { ReturnsService } from '../../../modules/assessments/returns.service.js';
import { WorkflowService } from '../../../modules/assessments/workflow.service.js';
import type { CycleEntity } from '../../../modules/cycles/cycle.entity.js';
import { DemoMarkersRepository } from '../../../modules/demo/demo-markers.repository.js';
import { FrameworksService } from '../../../modules/frameworks/frameworks.service.js';
import type { DemoAccount } from '../demo-accounts.js';
import { demoPdf, uploadOf } from './demo-files.js';
import { correctedLevel, demoAnswer, elementsForLevel } from './demo-levels.js';
import { meetingDate, type PlannedReturn } from './demo-plan.js';
import type { DemoTeam } from './demo-people.js';
import { hashOf } from './demo-random.js';

/** A return owner's published measure scores; null: none (the national means are used). */
export type Scores = Partial<Record<MeasureId, number | null>> | null;

/** Builds one return through the services a person's requests would go through. */
export class ReturnBuilder {
  private readonly returns: ReturnsService;
  private readonly answers: AnswersService;
  private readonly assignments: AssignmentsService;
  private readonly evidence: EvidenceService;
  private readonly workflow: WorkflowService;
  private readonly frameworks: FrameworksService;
  private readonly markers: DemoMarkersRepository;
  private built = 0;

  constructor(
    app: INestApplicationContext,
    private readonly cycle: CycleEntity,
    private readonly today: string,
    private readonly people: Map<string, Principal>,
  ) {
    this.returns = app.get(ReturnsService);
    this.answers = app.get(AnswersService);
    this.assignments = app.get(AssignmentsService);
    this.evidence = app.get(EvidenceService);
    this.workflow = app.get(WorkflowService);
    this.frameworks = app.get(FrameworksService);
    this.markers = app.get(DemoMarkersRepository);
  }

  private as(account: DemoAccount): Principal {
    return this.people.get(account.email)!;
  }

  async build(planned: PlannedReturn, team: DemoTeam, scores: Scores): Promise<void> {
    const lead = this.as(team.lead);
    const key = `${planned.ownerCode}|${planned.careSetting ?? 'system'}`;
    const started =
      planned.level === 'system'
        ? await this.returns.createForIcs(planned.ownerCode, { cycleId: this.cycle.id }, lead)
        : await this.returns.createForOrganisation(
            planned.ownerCode,
            { cycleId: this.cycle.id, careSettings: [planned.careSetting!] },
            lead,
          );
    // Someone started it already: it is theirs, not the demo's.
    const created = started.created[0];
    if (!created) return;
    const id = created.id;
    await this.markers.mark('return', [id]);
    this.built += 1;
    const framework: FrameworkVersion = await this.frameworks.document(
      created.framework.frameworkId,
      created.framework.version,
    );
    const domains = applicableDomains(framework, planned.careSetting);

    // A measure given to each contributor (the second, the fifth…); the lead answers the rest.
    const owner = new Map<MeasureId, Principal>();
    const measures = framework.measures.filter((m) => domains.some((d) => d.measure === m.id));
    for (const [i, contributor] of team.contributors.entries()) {
      const measure = measures[1 + i * 3];
      if (!measure) continue;
      owner.set(measure.id, this.as(contributor));
      await this.assignments.assign(id, { measure: measure.id, userId: this.as(contributor).id }, lead);
    }

    const evidence = await this.addEvidence(id, planned, lead);
    const answered = domains.slice(0, Math.ceil(domains.length * planned.completion));
    const versions = new Map<string, number>();
    const cited = new Set<MeasureId>();
    for (const domain of answered) {
      const answer = demoAnswer(domain, scores?.[domain.measure] ?? null, key);
      // The first answer of each measure cites the evidence that covers it.
      const first = !answer.notApplicable && !cited.has(domain.measure);
      if (first) cited.add(domain.measure);
      const cites = first ? evidence.filter((e) => e.measures.includes(domain.measure)) : [];
      const saved = await this.answers.save(
        id,
        domain.id,
        {
          baseVersion: 0,
          met: answer.met,
          notApplicable: answer.notApplicable,
          // Level 1 with nothing ticked is answered only once the person confirms none is met.
          noneMet: !answer.notApplicable && answer.met.length === 0,
          comment: answer.comment,
          confidence: answer.confidence,
          evidenceIds: cites.slice(0, 2).map((e) => e.id),
        },
        owner.get(domain.measure) ?? lead,
      );
      versions.set(domain.id, saved.answer.version);
    }
    if (planned.state === 'draft') return;

    await this.workflow.ready(id, lead);
    if (planned.state === 'awaiting-approval') return;
    if (planned.state === 'sent-back') {
      // The board sends it back with its comments: a draft again, for the lead to act on.
      const date = meetingDate(this.cycle.opensOn, this.today, key, hashOf);
      await this.workflow.decline(
        id,
        {
          reason:
            'The board asks for the evidence behind the higher levels claimed to be added, and for the comments to say what is still in progress, before it approves the return.',
          meetingDate: date,
          minuteReference: `Trust board minute ${date.slice(0, 4)}/${String(10 + (hashOf(`${key}|declined`) % 90)).padStart(3, '0')}`,
        },
        this.as(team.board),
      );
      return;
    }
    await this.approve(id, planned, team, key);
    if (planned.state === 'approved') return;
    await this.workflow.submit(id, lead);
    if (planned.state !== 'reopened') return;

    // Reopened by a national administrator, two answers corrected, approved and sealed again.
    const admin = this.people.get('admin@demo.wgll.example')!;
    await this.workflow.reopen(
      id,
      {
        reason:
          'Peer review found two answers that overstated or understated the evidence held; reopened so the trust can correct them.',
      },
      admin,
    );
    for (const domain of answered.filter((d) => versions.has(d.id)).slice(1, 3)) {
      const before = demoAnswer(domain, scores?.[domain.measure] ?? null, key);
      if (before.notApplicable || before.level === null) continue;
      const level = correctedLevel(before.level, `${key}|${domain.id}`);
      const met = elementsForLevel(domain, level, `${key}|${domain.id}|fix`);
      await this.answers.save(
        id,
        domain.id,
        {
          baseVersion: versions.get(domain.id)!,
          met,
          notApplicable: false,
          noneMet: met.length === 0,
          comment: `${before.comment} Corrected after peer review in revision 2.`,
          confidence: 'high',
          evidenceIds: [],
        },
        lead,
      );
    }
    await this.workflow.ready(id, lead);
    await this.approve(id, planned, team, `${key}|revision-2`);
    await this.workflow.submit(id, lead);
  }

  private async approve(id: string, planned: PlannedReturn, team: DemoTeam, key: string) {
    const date = meetingDate(this.cycle.opensOn, this.today, key, hashOf);
    const board = planned.level === 'system' ? 'ICB board' : 'Trust board';
    await this.workflow.approve(
      id,
      {
        meetingDate: date,
        minuteReference: `${board} minute ${date.slice(0, 4)}/${String(10 + (hashOf(key) % 90)).padStart(3, '0')}`,
      },
      this.as(team.board),
    );
  }

  /** Two links every return cites, and for every third return a board paper as a file. */
  private async addEvidence(
    id: string,
    planned: PlannedReturn,
    lead: Principal,
  ): Promise<{ id: string; measures: MeasureId[] }[]> {
    const code = planned.ownerCode.toLowerCase();
    const site = `https://intranet.${code}.nhs.example`;
    const added: { id: string; measures: MeasureId[] }[] = [];
    const strategy = await this.evidence.addLink(
      id,
      {
        title: 'Digital and data strategy 2025 to 2028 (board paper)',
        url: `${site}/board/digital-strategy-2025`,
      },
      lead,
    );
    added.push({ id: strategy.id, measures: ['well-led', 'support-people', 'healthy-populations'] });
    const dspt = await this.evidence.addLink(
      id,
      {
        title: 'Data Security and Protection Toolkit submission 2025/26',
        url: `${site}/governance/dspt-2025-26`,
      },
      lead,
    );
    added.push({ id: dspt.id, measures: ['safe-practice', 'smart-foundations'] });
    if (this.built % 3 === 1) {
      const file = await this.evidence.addFile(
        id,
        uploadOf(
          'Board digital update, September',
          `board-digital-update-${code}.pdf`,
          demoPdf('Board digital update (demonstration data)', [
            `Organisation: ${planned.ownerCode}`,
            'EPR roll-out, virtual wards, patient portal and cyber resilience: progress and risks.',
            'Generated for the WGLL demo; not a real board paper.',
          ]),
        ),
        lead,
      );
      added.push({ id: file.id, measures: ['improve-care', 'empower-citizens'] });
    }
    return added;
  }
}
