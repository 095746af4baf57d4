import type { INestApplicationContext } from '@nestjs/common';
import type { Principal } from '../../../modules/access/principal.js';
import type { SaveTargetDto } from '../../../modules/targets/dto/target.dto.js';
import { TargetsService } from '../../../modules/targets/targets.service.js';

/**
 * The demo's national targets (issue 19), set by the demo national administrator: electronic patient
 * records (the EPR domain of the bundled question bank, level 3: "the EPR is the main clinical record
 * in every service") in 95% of trusts by 31 March 2027, and a smart foundations score target read from
 * the published results and sealed returns alike.
 */
export const DEMO_TARGETS: SaveTargetDto[] = [
  {
    name: 'Electronic patient record in 95% of trusts by 31 March 2027',
    description:
      'The core level of digitisation: the electronic patient record is the main clinical record in every ' +
      'service of acute, community and mental health trusts.',
    kind: 'domain',
    frameworkId: 'wgll-self-assessment',
    domainId: 'sf-epr',
    level: 3,
    elementId: null,
    measure: null,
    value: null,
    careSettings: ['acute', 'community', 'mental-health'],
    percent: 95,
    dueDate: '2027-03-31',
  },
  {
    name: 'Smart foundations at 3 or above in 80% of trusts by 31 March 2028',
    description:
      'Reliable, secure infrastructure, an EPR and data platforms: the smart foundations measure score.',
    kind: 'measure',
    frameworkId: null,
    domainId: null,
    level: null,
    elementId: null,
    measure: 'smart-foundations',
    value: 3,
    careSettings: ['acute', 'community', 'mental-health', 'ambulance'],
    percent: 80,
    dueDate: '2028-03-31',
  },
];

export async function seedDemoTargets(app: INestApplicationContext, admin: Principal): Promise<number> {
  const targets = app.get(TargetsService);
  for (const target of DEMO_TARGETS) await targets.create(target, admin);
  return DEMO_TARGETS.length;
}
