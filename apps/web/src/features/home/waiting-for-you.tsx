import { useQuery } from '@tanstack/react-query';
import type { IsoDate, WaitingAssignment, WaitingForYou as Waiting, WaitingReturn } from '@wgll/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../components/api-error-summary';
import { LoadingMessage } from '../../components/loading-message';
import { apiGet } from '../../lib/api-client';
import { dueWording, formatDate } from '../../lib/dates';
import { careSettingLabels, pluralise, readableName, sentenceCase } from '../../lib/format';
import { icsResultsPath, planPath, questionnairePath, returnPath } from '../../lib/links';
import { returnKeys } from '../../lib/query-keys';

/** GET /api/me/waiting. */
function useWaiting() {
  return useQuery({
    queryKey: returnKeys.waiting(),
    queryFn: ({ signal }) => apiGet<Waiting>('/me/waiting', {}, signal),
  });
}

/** `Guy's and St Thomas' NHS Foundation Trust's acute return for 2026/27`. */
function returnName(ret: Pick<WaitingReturn, 'owner' | 'careSetting'> & { cycle: { name: string } }): string {
  const what = ret.careSetting
    ? `${careSettingLabels[ret.careSetting].toLowerCase()} return`
    : 'system return';
  return `${readableName(ret.owner.name)}’s ${what} for ${ret.cycle.name}`;
}

function dueText(dueDate: IsoDate | null, today: IsoDate): string {
  return dueDate ? `Due by ${formatDate(dueDate)}: ${dueWording(dueDate, today)}.` : 'No due date.';
}

/** Where an assignment's work is: its measure's questionnaire (at the domain), else the return's assignments. */
function assignmentLink(item: WaitingAssignment): string {
  return item.questionsOf
    ? questionnairePath(item.return.returnId, item.questionsOf, item.domainId ?? undefined)
    : returnPath(item.return.returnId, 'assignments');
}

interface Section {
  id: string;
  heading: string;
  items: { key: string; text: ReactNode; to: string; link: string }[];
}

/** Every section with something in it, in the order people act on them. */
function sectionsOf(data: Waiting): Section[] {
  const today = data.today;
  const sections: Section[] = [
    {
      id: 'to-approve',
      heading: 'Returns awaiting board approval',
      items: data.toApprove.map((r) => ({
        key: r.returnId,
        text: `${sentenceCase(returnName(r))} is ready for the board’s approval. The cycle closes on ${formatDate(r.cycle.closesOn)}.`,
        to: returnPath(r.returnId, 'approval'),
        link: `Approve or send back ${returnName(r)}`,
      })),
    },
    {
      id: 'your-assignments',
      heading: 'Your assignments',
      items: data.assignments.map((a) => ({
        key: a.assignmentId,
        text: `${a.title} in ${returnName(a.return)}: ${pluralise(a.remaining, 'domain')} still to answer or confirm. ${dueText(a.dueDate, today)}`,
        to: assignmentLink(a),
        link: `Answer ${a.title} in ${returnName(a.return)}`,
      })),
    },
    {
      id: 'sent-back',
      heading: 'Returns sent back by the board',
      items: data.sentBack.map((r) => ({
        key: r.returnId,
        text: `The board sent back ${returnName(r)}: “${r.reason}”.`,
        to: returnPath(r.returnId),
        link: `Go to ${returnName(r)}`,
      })),
    },
    {
      id: 'ready-to-submit',
      heading: 'Returns approved and ready to submit',
      items: data.readyToSubmit.map((r) => ({
        key: r.returnId,
        text: `The board approved ${returnName(r)}. Submit it by ${formatDate(r.cycle.closesOn)}, when the cycle closes.`,
        to: returnPath(r.returnId, 'submit'),
        link: `Submit ${returnName(r)}`,
      })),
    },
    {
      id: 'overdue-in-your-returns',
      heading: 'Overdue assignments in your returns',
      items: data.overdueInYourReturns.map((a) => ({
        key: a.assignmentId,
        text: `${a.assignee.displayName}’s assignment, ${a.title} in ${returnName(a.return)}, has ${pluralise(a.remaining, 'domain')} left. ${dueText(a.dueDate, today)}`,
        to: returnPath(a.return.returnId, 'assignments'),
        link: `Assignments of ${returnName(a.return)}`,
      })),
    },
    {
      id: 'to-chase',
      heading: 'Returns to chase',
      items: data.toChase.flatMap((c) =>
        c.owners.map((o) => {
          const what = o.returns
            .map((r) =>
              r.careSetting
                ? `${careSettingLabels[r.careSetting].toLowerCase()} (${stateWords[r.state]})`
                : stateWords[r.state],
            )
            .join(', ');
          return {
            key: `${c.cycle.id}|${o.level}|${o.code}`,
            text:
              o.level === 'system'
                ? `Your integrated care board’s own return for ${c.cycle.name} is not submitted yet (${what}). The cycle closes on ${formatDate(c.cycle.closesOn)}.`
                : `${readableName(o.name)} has not submitted its ${c.cycle.name} ${o.returns.length === 1 ? 'return' : 'returns'}: ${what}. The cycle closes on ${formatDate(c.cycle.closesOn)}.`,
            to: icsResultsPath(c.ics.code, c.cycle.id),
            link: `Completion in ${readableName(c.ics.name)}, ${c.cycle.name}`,
          };
        }),
      ),
    },
    {
      id: 'regions-to-chase',
      heading: 'Returns to chase in your region',
      items: data.regionsToChase.flatMap((r) =>
        r.ics.map((i) => ({
          key: `${r.cycle.id}|${i.code}`,
          text: `${readableName(i.name)}: ${i.notSubmitted} of ${pluralise(i.expected, 'return')} for ${r.cycle.name} not submitted yet. The cycle closes on ${formatDate(r.cycle.closesOn)}.`,
          to: icsResultsPath(i.code, r.cycle.id),
          link: `Completion in ${readableName(i.name)}, ${r.cycle.name}`,
        })),
      ),
    },
    {
      id: 'actions-due',
      heading: 'Improvement plan actions due',
      items: data.actionsDue.map((a) => ({
        key: a.actionId,
        text: `“${a.title}” in the improvement plan of ${returnName({ owner: a.owner, careSetting: a.careSetting, cycle: { name: a.cycleName } })}. ${dueText(a.dueDate, today)}`,
        to: planPath(a.returnId, 'actions', a.actionId),
        link: `Update the action “${a.title}”`,
      })),
    },
  ];
  return sections.filter((s) => s.items.length > 0);
}

const stateWords = {
  'not-started': 'not started',
  draft: 'a draft',
  'awaiting-approval': 'awaiting board approval',
  approved: 'approved, not submitted',
} as const;

/** The home page's "Waiting for you": what needs the signed-in person, each with a link to act on it. */
export function WaitingForYou() {
  const query = useWaiting();
  const sections = query.data ? sectionsOf(query.data) : [];
  const total = sections.reduce((sum, s) => sum + s.items.length, 0);
  return (
    <section aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">Waiting for you{query.data && total > 0 ? ` (${total})` : ''}</h2>
      {query.isPending ? <LoadingMessage>Loading what is waiting for you…</LoadingMessage> : null}
      {query.isError ? <ApiErrorSummary error={query.error} /> : null}
      {query.data && total === 0 ? <p>Nothing is waiting for you.</p> : null}
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`waiting-${section.id}`}>
          <h3 id={`waiting-${section.id}`} className="nhsuk-heading-s">
            {section.heading} ({section.items.length})
          </h3>
          <ul className="nhsuk-list nhsuk-list--border">
            {section.items.map((item) => (
              <li key={item.key}>
                <p className="nhsuk-u-margin-bottom-1">{item.text}</p>
                <Link to={item.to}>{item.link}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
