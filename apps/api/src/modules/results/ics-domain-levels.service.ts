import { Injectable } from '@nestjs/common';
import type { CareSetting, IcsDomainLevels, MeasureId, ResultCycle } from '@wgll/contracts';
import { CARE_SETTINGS } from '@wgll/framework';
import {
  COMMON_GAPS_MIN_ORGANISATIONS,
  commonGaps,
  type DomainGridSource,
  domainLevelGrid,
} from '@wgll/scoring';
import { NotFoundApiException } from '../../common/api-exception.js';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import { HierarchyRepository } from '../organisations/hierarchy.repository.js';

/**
 * The ICS lead's domain-level heatmap and common gaps (issue 19): the member organisations' sealed
 * returns of the cycle only (drafts, returns awaiting approval and reopened returns never show), one
 * care setting at a time. Members are those assessed in the ICS on the cycle's reference date.
 */
@Injectable()
export class IcsDomainLevelsService {
  constructor(
    private readonly hierarchy: HierarchyRepository,
    private readonly assessments: AssessmentsReader,
  ) {}

  async ics(
    code: string,
    cycle: ResultCycle,
    query: { careSetting?: CareSetting; measure?: MeasureId },
  ): Promise<IcsDomainLevels> {
    const ics = await this.hierarchy.icsOn(code, cycle.referenceDate);
    if (!ics) throw new NotFoundApiException('ICS_NOT_FOUND', `There is no ICS ${code}.`);
    const members = await this.hierarchy.organisationsAssessedIn({ ics: code }, cycle.referenceDate);
    const sealed = await this.assessments.sealedAnswersIn(
      cycle.id,
      members.map((m) => m.odsCode),
    );
    const careSettings = CARE_SETTINGS.filter((s) => members.some((m) => m.careSettings.includes(s)));
    const careSetting =
      query.careSetting ??
      CARE_SETTINGS.find((s) => sealed.some((r) => r.careSetting === s)) ??
      careSettings[0] ??
      'acute';

    const columns = members.filter((m) => m.careSettings.includes(careSetting));
    const sources = columns.map((member): DomainGridSource | null => {
      const own = sealed.find((r) => r.organisationCode === member.odsCode && r.careSetting === careSetting);
      return own ? { framework: own.framework, careSetting, answers: own.answers } : null;
    });
    const inMeasure = <T extends { measure: MeasureId }>(d: T) =>
      !query.measure || d.measure === query.measure;
    const withReturn = sources.flatMap((s, i) => (s ? [{ source: s, code: columns[i]!.odsCode }] : []));
    const gapsWithheld = withReturn.length < COMMON_GAPS_MIN_ORGANISATIONS;
    // The common gaps of the domains shown: each return with only those domains' answers.
    // commonGaps itself gives none below the minimum number of organisations.
    const gaps = commonGaps(
      withReturn.map(({ source, code: organisation }) => ({
        organisation,
        framework: {
          ...source.framework,
          domains: source.framework.domains.filter(inMeasure),
        },
        careSetting,
        answers: source.answers,
        targets: [],
        actions: [],
      })),
    );
    return {
      ics: { code: ics.odsCode, name: ics.name },
      cycle: { id: cycle.id, name: cycle.name, referenceDate: cycle.referenceDate },
      resultsSource: cycle.source,
      careSettings,
      careSetting,
      measure: query.measure ?? null,
      organisations: columns.map((m, i) => ({ code: m.odsCode, name: m.name, sealed: sources[i] !== null })),
      sealed: withReturn.length,
      domains: domainLevelGrid(sources).filter(inMeasure),
      commonGaps: gaps,
      gapsWithheld,
      basis:
        `Each domain's level in the sealed return (${careSetting.replace('-', ' ')}) of each organisation ` +
        `assessed in the ICS on ${cycle.referenceDate}, worked out from the elements it met: a level counts ` +
        `only when every element of it and of the levels below is met. Drafts and returns not yet sealed ` +
        `are never shown. Common gaps: elements not met by more than half of the organisations whose ` +
        `return includes the domain (and by at least 2), within the level above the one each has reached; ` +
        `not shown for fewer than ${COMMON_GAPS_MIN_ORGANISATIONS} organisations.`,
    };
  }
}
