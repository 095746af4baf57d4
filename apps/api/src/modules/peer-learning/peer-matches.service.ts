import { Injectable } from '@nestjs/common';
import type { LevelNumber, PeerElement, PeerLearning } from '@wgll/contracts';
import { appliesTo, type FrameworkDomain } from '@wgll/framework';
import { domainLevel, PEER_COUNT_MINIMUM, type PeerAnswer, peerMatches } from '@wgll/scoring';
import { invalidField, NotFoundApiException } from '../../common/api-exception.js';
import { PolicyService } from '../access/policy.service.js';
import type { Principal } from '../access/principal.js';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import { PeerReturnsReader } from '../assessments/peer-returns.reader.js';
import { HierarchyRepository } from '../organisations/hierarchy.repository.js';
import { PeerSharingService } from './peer-sharing.service.js';

/**
 * "Who meets what we lack" (issue 19): for a domain of a trust's return, the elements it has not met
 * and the organisations of the same care setting whose sealed return of the same cycle and
 * framework version meets each. Opted-in organisations are named; the others are only counted.
 */
@Injectable()
export class PeerMatchesService {
  constructor(
    private readonly assessments: AssessmentsReader,
    private readonly peerReturns: PeerReturnsReader,
    private readonly hierarchy: HierarchyRepository,
    private readonly sharing: PeerSharingService,
    private readonly policy: PolicyService,
  ) {}

  async peers(returnId: string, domainId: string, user: Principal): Promise<PeerLearning> {
    const ret = await this.assessments.forPlan(returnId);
    if (!ret) throw new NotFoundApiException('RETURN_NOT_FOUND', 'There is no such return.');
    if (ret.level !== 'organisation' || !ret.organisationCode || !ret.careSetting) {
      throw new NotFoundApiException(
        'NOT_FOUND',
        'Peer learning compares trusts’ returns: an ICB’s own return has no peers here.',
      );
    }
    const code = ret.organisationCode;
    const careSetting = ret.careSetting;
    const domains = ret.framework.domains.filter((d) => appliesTo(d, careSetting));
    const domain = domains.find((d) => d.id === domainId);
    if (!domain) throw invalidField('domain', `${domainId} is not a domain of this return`);
    const answers = new Map(ret.answers.map((a) => [a.domainId, a]));
    const notApplicable = (d: FrameworkDomain) =>
      d.notApplicableAllowed && (answers.get(d.id)?.notApplicable ?? false);
    const metOf = (d: FrameworkDomain) => new Set(answers.get(d.id)?.met ?? []);
    const levelOf = (d: FrameworkDomain): LevelNumber => domainLevel(d, metOf(d));

    const at = ret.cycle.referenceDate;
    const place = (await this.hierarchy.placeOrganisation(code, at)) ?? { ics: null, region: null };
    const names = new Map(
      (await this.hierarchy.organisationsOperatingOn(at)).map((o) => [o.odsCode, o.name]),
    );
    // The organisations assessed in the trust's region on the reference date, with their ICS: any
    // other peer is elsewhere in England.
    const icsInRegion = new Map(
      place.region
        ? (await this.hierarchy.organisationsAssessedIn({ region: place.region }, at)).map((o) => [
            o.odsCode,
            o.icsCode,
          ])
        : [],
    );
    const ics = place.ics ? await this.hierarchy.icsOn(place.ics, at) : null;
    const region = place.region ? await this.hierarchy.region(place.region) : null;

    const sealed = (
      await this.peerReturns.sealedInCycle(ret.cycle.id, careSetting, {
        frameworkId: ret.framework.frameworkId,
        version: ret.framework.version,
      })
    ).filter((s) => s.organisationCode !== code);
    const named = await this.sharing.namedSettings();
    const peers: PeerAnswer[] = sealed.map((s) => {
      const peerIcs = icsInRegion.get(s.organisationCode);
      const answer = s.sealed.answers.find((a) => a.domainId === domain.id);
      return {
        organisationCode: s.organisationCode,
        icsCode: peerIcs ?? null,
        regionCode: peerIcs !== undefined ? place.region : null,
        named: named.has(s.organisationCode),
        met: new Set(answer && !answer.notApplicable ? answer.met : []),
      };
    });
    const sealedBy = new Map(sealed.map((s) => [s.organisationCode, s]));
    const own = { organisationCode: code, icsCode: place.ics, regionCode: place.region };
    const matches = notApplicable(domain) ? [] : peerMatches(domain, metOf(domain), own, peers);

    const elements: PeerElement[] = matches.map((m) => ({
      id: m.element.id,
      level: m.level,
      text: m.element.text,
      others: m.others,
      named: m.named.map((n) => {
        const setting = named.get(n.organisationCode)!;
        const peer = sealedBy.get(n.organisationCode)!;
        const answer = peer.sealed.answers.find((a) => a.domainId === domain.id);
        const shareable = new Set(setting.shareableEvidenceIds);
        const cited = new Set(answer?.evidenceIds ?? []);
        return {
          organisation: {
            odsCode: n.organisationCode,
            name: names.get(n.organisationCode) ?? n.organisationCode,
          },
          scope: n.scope,
          contact: { name: setting.contactName!, role: setting.contactRole!, email: setting.contactEmail! },
          note: setting.notes.find((x) => x.domainId === domain.id)?.note ?? null,
          evidenceTitles: peer.sealed.evidence
            .filter((e) => cited.has(e.id) && shareable.has(e.id))
            .map((e) => e.title),
        };
      }),
    }));

    const resource = await this.policy.resolve('return', ret.id, at);
    return {
      returnId: ret.id,
      organisation: { odsCode: code, name: names.get(code) ?? code },
      careSetting,
      cycle: { id: ret.cycle.id, name: ret.cycle.name },
      ics: ics ? { odsCode: ics.odsCode, name: ics.name } : null,
      region: region ? { odsCode: region.odsCode, name: region.name } : null,
      domain: {
        id: domain.id,
        title: domain.title,
        measure: domain.measure,
        level: levelOf(domain),
        notApplicable: notApplicable(domain),
      },
      domainsBelowFive: domains
        .filter((d) => !notApplicable(d) && levelOf(d) < 5)
        .map((d) => ({ id: d.id, title: d.title, measure: d.measure, level: levelOf(d) })),
      elements,
      compared: sealed.length,
      countMinimum: PEER_COUNT_MINIMUM,
      permissions: { addToPlan: resource !== null && this.policy.can(user, 'return:submit', resource) },
    };
  }
}
