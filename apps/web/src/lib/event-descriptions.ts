import type { AuditEvent } from '@wgll/contracts';

import { formatDate } from './dates';
import { pluralise } from './format';

type Details = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined;

const record = (value: unknown): Details | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Details) : undefined;

/**
 * An answer in a few words: `level 3, 4 elements met, confidence high`, `not applicable`, `level 1:
 * none of the elements met yet, confidence low`, or `not answered yet (nothing ticked), confidence
 * high` for a comment or confidence saved on its own.
 */
function describeAnswer(value: unknown): string {
  const answer = record(value);
  if (!answer) return 'not answered';
  if (answer['notApplicable'] === true) return 'not applicable';
  const parts: string[] = [];
  const level = text(answer['level']);
  if (answer['noneMet'] === true) {
    parts.push(level ? `level ${level}: none of the elements met yet` : 'none of the elements met yet');
  } else if ('level' in answer && answer['level'] === null) {
    // Saved, but nothing ticked, not "not applicable" and not "none met": the domain is unanswered.
    parts.push('not answered yet (nothing ticked)');
  } else {
    if (level) parts.push(`level ${level}`);
    const met = Array.isArray(answer['met'])
      ? answer['met'].length
      : typeof answer['metCount'] === 'number'
        ? answer['metCount']
        : typeof answer['met'] === 'number'
          ? answer['met']
          : undefined;
    if (met !== undefined) parts.push(`${pluralise(met, 'element')} met`);
  }
  const confidence = text(answer['confidence']);
  parts.push(confidence ? `confidence ${confidence}` : 'no confidence given');
  return parts.join(', ');
}

/** What the event was about: a domain's title (looked up by id), a measure's name, or its label. */
function subject(event: AuditEvent, details: Details, titles: (id: string) => string | undefined): string {
  const domainId = text(details['domainId']);
  const measure = text(details['measure']);
  return (
    text(details['domainTitle']) ??
    (domainId ? titles(domainId) : undefined) ??
    text(details['measureName']) ??
    (measure ? titles(measure) : undefined) ??
    text(details['title']) ??
    domainId ??
    measure ??
    event.target?.label ??
    'the return'
  );
}

/** An improvement plan action's fields, as the audit entry names them, in words. */
const ACTION_FIELD_WORDS: Record<string, string> = {
  domainId: 'domain',
  elementIds: 'elements',
  title: 'title',
  description: 'description',
  ownerId: 'owner',
  dueDate: 'due date',
  state: 'state',
  blockedReason: 'why it is blocked',
  funding: 'funding',
  expectedBenefit: 'expected benefit',
  evidenceIds: 'evidence',
};

/** An action's state in words: `in-progress` → `in progress`. */
function stateWords(value: unknown): string {
  return text(value)?.replaceAll('-', ' ') ?? 'not set';
}

/** One event as a sentence and, where it helps, what changed. */
export function describeEvent(
  event: AuditEvent,
  titles: (id: string) => string | undefined,
  people: (userId: string) => string | undefined = () => undefined,
): { summary: string; change?: string } {
  const details = event.details;
  const about = subject(event, details, titles);
  const assignee = record(details['assignee']);
  const assigneeId = text(details['assigneeId']);
  const person =
    text(assignee?.['displayName']) ??
    text(details['assigneeName']) ??
    (assigneeId ? people(assigneeId) : undefined);
  const carried = record(details['carriedForward']);
  switch (event.action) {
    case 'return.created':
      return {
        summary: 'Started the return',
        change: carried
          ? `Started from the submitted ${text(carried['cycle']) ?? 'earlier'} return: ${text(carried['answers']) ?? 'its'} answers copied to confirm`
          : undefined,
      };
    case 'return.answer-saved':
      return {
        summary: `Changed the answer to ${about}`,
        change: `Before: ${describeAnswer(details['before'])}. After: ${describeAnswer(details['after'])}.`,
      };
    case 'return.answer-confirmed':
      return { summary: `Confirmed the carried-forward answer to ${about}` };
    case 'return.assigned': {
      const due = text(details['dueDate']);
      return {
        summary: person ? `Assigned ${about} to ${person}` : `Assigned ${about}`,
        ...(due ? { change: `Due by ${formatDate(due)}` } : {}),
      };
    }
    case 'return.unassigned':
      return {
        summary: `Removed the assignment of ${about}${person ? ` from ${person}` : ''}`,
      };
    case 'return.evidence-added':
      return { summary: `Added evidence: ${text(details['title']) ?? about}` };
    case 'return.evidence-removed':
      return { summary: `Removed evidence: ${text(details['title']) ?? about}` };
    case 'return.marked-ready':
      return { summary: 'Marked the return ready for board approval' };
    case 'return.approved': {
      const meeting = text(details['meetingDate']);
      const minute = text(details['minuteReference']);
      return {
        summary: 'Recorded the board’s approval',
        change: [meeting ? `Board meeting on ${formatDate(meeting)}` : '', minute ? `minute ${minute}` : '']
          .filter(Boolean)
          .join(', '),
      };
    }
    case 'return.declined': {
      const meeting = text(details['meetingDate']);
      const minute = text(details['minuteReference']);
      const when = [
        meeting ? `Board meeting on ${formatDate(meeting)}` : '',
        minute ? `minute ${minute}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      const reason = text(details['reason']);
      return {
        summary: 'Sent the return back to the team instead of approving it',
        change: [when ? `${when}.` : '', reason ? `The board’s comments: ${reason}` : '']
          .filter(Boolean)
          .join(' '),
      };
    }
    case 'return.approval-withdrawn':
      return {
        summary: 'Board approval withdrawn because the return changed',
        change: text(details['reason']) ? `What changed: ${text(details['reason'])}` : undefined,
      };
    case 'return.submitted':
      return {
        summary: `Submitted and sealed revision ${text(details['revision']) ?? ''}`.trim(),
        change: text(details['sha256']) ? `SHA-256 ${text(details['sha256'])}` : undefined,
      };
    case 'return.reopened':
      return {
        summary: `Reopened the return${text(details['revision']) ? ` as revision ${text(details['revision'])}` : ''}`,
        change: text(details['reason']) ? `Reason: ${text(details['reason'])}` : undefined,
      };
    case 'plan.targets-saved':
      return { summary: 'Set the targets of the improvement plan' };
    case 'plan.action-added':
      return {
        summary: `Added the action “${text(details['title']) ?? 'untitled'}” to the improvement plan`,
      };
    case 'plan.action-updated': {
      const changes = record(details['changes']);
      const state = record(changes?.['state']);
      return {
        summary: `Changed the action “${text(details['title']) ?? 'untitled'}” of the improvement plan`,
        change: state
          ? `State: ${stateWords(state['before'])} to ${stateWords(state['after'])}`
          : changes
            ? `Changed: ${Object.keys(changes)
                .map((field) => ACTION_FIELD_WORDS[field] ?? field)
                .join(', ')}`
            : undefined,
      };
    }
    case 'plan.action-removed':
      return {
        summary: `Removed the action “${text(details['title']) ?? 'untitled'}” from the improvement plan`,
      };
    case 'plan.actions-merged': {
      const removed = Array.isArray(details['removed']) ? details['removed'].length : 0;
      return {
        summary: `Merged ${pluralise(removed, 'action')} into “${text(details['title']) ?? 'untitled'}” in the improvement plan`,
      };
    }
    case 'plan.carried-forward':
      return {
        summary: `Carried ${pluralise(Number(details['carried'] ?? 0), 'open action')} forward from the ${text(details['fromCycle']) ?? 'previous'} improvement plan`,
      };
    case 'plan.approved': {
      const meeting = text(details['meetingDate']);
      const minute = text(details['minuteReference']);
      return {
        summary: details['returnApprovalId']
          ? 'Recorded the improvement plan with the board’s approval of the return'
          : 'Recorded the board’s approval of the improvement plan',
        change: [meeting ? `Board meeting on ${formatDate(meeting)}` : '', minute ? `minute ${minute}` : '']
          .filter(Boolean)
          .join(', '),
      };
    }
    default:
      return { summary: event.action };
  }
}
