import type { Role } from '@wgll/contracts';
import type { DemoAccount } from '../demo-accounts.js';
import { hashOf } from './demo-random.js';

const FIRST = [
  'Amara',
  'Daniel',
  'Fatima',
  'George',
  'Hannah',
  'Imran',
  'Joanna',
  'Kwame',
  'Laura',
  'Marcus',
  'Nadia',
  'Oliver',
  'Rachel',
  'Samuel',
  'Tanya',
  'Usman',
  'Victoria',
  'William',
  'Yasmin',
  'Zoe',
];
const LAST = [
  'Ahmed',
  'Bennett',
  'Campbell',
  'Davies',
  'Evans',
  'Fraser',
  'Gordon',
  'Hughes',
  'Iqbal',
  'Johnson',
  'Khan',
  'Lewis',
  'Mensah',
  'Nolan',
  'Owusu',
  'Patel',
  'Quinn',
  'Robinson',
  'Singh',
  'Turner',
];

/** The people of a demo trust or ICB, by what they do in its returns. */
export interface DemoTeam {
  ownerCode: string;
  lead: DemoAccount;
  contributors: DemoAccount[];
  board: DemoAccount;
}

function person(
  local: string,
  ownerCode: string,
  role: Role,
  scopeName: string,
  used: Set<string>,
): DemoAccount {
  // A name not yet given to anyone in the demo, chosen by the account (so always the same one).
  let n = hashOf(`${local}.${ownerCode}`);
  let name = '';
  do {
    name = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`;
    n += 7;
  } while (used.has(name));
  used.add(name);
  return {
    email: `${local}.${ownerCode.toLowerCase()}@demo.wgll.example`,
    displayName: `${name} (demo)`,
    role,
    scopeCode: ownerCode,
    scopeName,
  };
}

/**
 * A trust's digital lead, two contributors and a board approver; an ICB's ICS lead answers, approves
 * and submits its own return (the roles allow it), with a colleague as contributor. The e-mail says
 * the role and the organisation: lead.rj1@demo.wgll.example, board.rj1@…, ics.qmf@….
 */
export function demoTeams(
  owners: { code: string; name: string; level: 'organisation' | 'system' }[],
  taken: readonly string[],
): DemoTeam[] {
  const used = new Set(taken.map((n) => n.replace(/ \(demo\)$/, '')));
  return owners.map(({ code, name, level }) => {
    if (level === 'system') {
      const lead = person('ics', code, 'ics-lead', name, used);
      return {
        ownerCode: code,
        lead,
        contributors: [person('ics2', code, 'ics-lead', name, used)],
        board: lead,
      };
    }
    return {
      ownerCode: code,
      lead: person('lead', code, 'trust-lead', name, used),
      contributors: [
        person('contributor', code, 'trust-contributor', name, used),
        person('contributor2', code, 'trust-contributor', name, used),
      ],
      board: person('board', code, 'board-approver', name, used),
    };
  });
}

export function accountsOf(teams: DemoTeam[]): DemoAccount[] {
  const all = teams.flatMap((t) => [t.lead, ...t.contributors, t.board]);
  return all.filter((a, i) => all.findIndex((b) => b.email === a.email) === i);
}
