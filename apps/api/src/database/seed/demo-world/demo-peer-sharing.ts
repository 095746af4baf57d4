import type { INestApplicationContext } from '@nestjs/common';
import type { MeasureId } from '@wgll/framework';
import type { Principal } from '../../../modules/access/principal.js';
import { PeerSharingService } from '../../../modules/peer-learning/peer-sharing.service.js';

/**
 * Demo organisations that chose to be named for peer learning (issue 19), with a contact and notes:
 * two acute trusts of North East London (sealed acute returns, so Guy's and St Thomas' sees them named
 * beside its gaps) and a community and mental health trust. Every other organisation is only counted.
 */
export const DEMO_PEERS: readonly { code: string; role: string }[] = [
  { code: 'R1H', role: 'Chief Clinical Information Officer' },
  { code: 'RF4', role: 'Director of Digital Transformation' },
  { code: 'RAT', role: 'Chief Nursing Information Officer' },
];

const NOTES: Record<MeasureId, string> = {
  'well-led':
    'We put digital on every board agenda for a year, with a named executive lead and short teaching sessions before each meeting.',
  'smart-foundations':
    'We replaced the oldest network first, moved two core systems to the cloud and agreed a refresh cycle for devices with finance.',
  'safe-practice':
    'Our Clinical Safety Officer reviews every change through one weekly panel; cyber exercises run twice a year with the on-call team.',
  'support-people':
    'Clinicians co-design each new tool in short sprints; a digital skills offer is part of every induction.',
  'empower-citizens':
    'We promoted the NHS App in clinics and letters, and kept a phone and paper route for people who cannot use it.',
  'improve-care':
    'Electronic prescribing went live ward by ward with super-users on every shift for the first fortnight.',
  'healthy-populations':
    'We share a linked data set with our ICS partners and review inequalities in waiting lists every quarter.',
};

/** Opts the demo peers in through the product's own service (audited like anyone's change). */
export async function seedDemoPeerSharing(
  app: INestApplicationContext,
  principals: ReadonlyMap<string, Principal>,
): Promise<string[]> {
  const sharing = app.get(PeerSharingService);
  const named: string[] = [];
  for (const peer of DEMO_PEERS) {
    const lead = principals.get(`lead.${peer.code.toLowerCase()}@demo.wgll.example`);
    if (!lead) continue;
    const current = await sharing.get(peer.code, lead);
    if (current.domains.length === 0) continue;
    await sharing.save(
      peer.code,
      {
        baseVersion: current.version,
        named: true,
        contact: { name: lead.displayName.replace(/ \(demo\)$/, ''), role: peer.role, email: lead.email },
        contactConsent: true,
        notes: current.domains.map((d) => ({ domainId: d.id, note: NOTES[d.measure] })),
        shareableEvidenceIds: current.evidence.map((e) => e.id),
      },
      lead,
    );
    named.push(peer.code);
  }
  return named;
}
