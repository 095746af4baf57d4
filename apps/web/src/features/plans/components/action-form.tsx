import type {
  ActionFunding,
  ActionState,
  Evidence,
  PersonRef,
  PlanAction,
  UpdateActionRequest,
} from '@wgll/contracts';
import { Button, Radios, Select, Table, Textarea, TextInput } from 'nhsuk-react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import {
  dateInputTarget,
  DateFields,
  readDateParts,
  toDateParts,
  type DateParts,
} from '../../../components/date-fields';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { WideTable } from '../../../components/table-scroll';
import { formatDate } from '../../../lib/dates';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { actionStateLabels, actionStates, fundingLabels, fundingOptions } from '../../../lib/plan-labels';
import { conflictCurrent, useUpdateAction } from '../api/plan-api';

export const actionIds = {
  title: 'action-title',
  description: 'action-description',
  owner: 'action-owner',
  dueDate: 'action-due-date',
  state: 'action-state',
  blockedReason: 'action-blocked-reason',
  funding: 'action-funding',
  expectedBenefit: 'action-expected-benefit',
  evidence: 'action-evidence',
};

const fieldIds: Record<string, string> = {
  title: actionIds.title,
  description: actionIds.description,
  ownerId: actionIds.owner,
  dueDate: dateInputTarget(actionIds.dueDate),
  state: actionIds.state,
  blockedReason: actionIds.blockedReason,
  funding: actionIds.funding,
  expectedBenefit: actionIds.expectedBenefit,
  evidenceIds: actionIds.evidence,
};

interface Values {
  title: string;
  description: string;
  ownerId: string;
  dueDate: DateParts;
  state: ActionState;
  blockedReason: string;
  funding: ActionFunding | '';
  expectedBenefit: string;
  evidenceIds: string[];
}

function valuesOf(action: PlanAction): Values {
  return {
    title: action.title,
    description: action.description,
    ownerId: action.owner?.id ?? '',
    dueDate: toDateParts(action.dueDate),
    state: action.state,
    blockedReason: action.blockedReason ?? '',
    funding: action.funding ?? '',
    expectedBenefit: action.expectedBenefit,
    evidenceIds: action.evidenceIds,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The fields changed from `base`, as the PATCH body; those the person may not change are left out. */
function changes(
  values: Values,
  dueDate: string | null,
  base: PlanAction,
  full: boolean,
): Omit<UpdateActionRequest, 'baseVersion'> {
  const body: Omit<UpdateActionRequest, 'baseVersion'> = {};
  const blockedReason = values.state === 'blocked' ? values.blockedReason.trim() : null;
  if (values.description !== base.description) body.description = values.description;
  if (values.state !== base.state) body.state = values.state;
  if (blockedReason !== base.blockedReason) body.blockedReason = blockedReason;
  if (!sameList(values.evidenceIds, base.evidenceIds)) body.evidenceIds = values.evidenceIds;
  if (!full) return body;
  if (values.title.trim() !== base.title) body.title = values.title.trim();
  if ((values.ownerId || null) !== (base.owner?.id ?? null)) body.ownerId = values.ownerId || null;
  if (dueDate !== base.dueDate) body.dueDate = dueDate;
  if ((values.funding || null) !== base.funding) body.funding = values.funding || null;
  if (values.expectedBenefit !== base.expectedBenefit) body.expectedBenefit = values.expectedBenefit;
  return body;
}

function describe(action: PlanAction, evidence: readonly Evidence[]) {
  const evidenceTitles = action.evidenceIds
    .map((id) => evidence.find((item) => item.id === id)?.title ?? id)
    .join(', ');
  return [
    ['Title', action.title],
    ['Description', action.description || 'None'],
    ['Owner', action.owner?.displayName ?? 'No owner'],
    ['Due date', action.dueDate ? formatDate(action.dueDate) : 'No date'],
    ['State', actionStateLabels[action.state] + (action.blockedReason ? `: ${action.blockedReason}` : '')],
    ['Funding', action.funding ? fundingLabels[action.funding] : 'Not said'],
    ['Expected benefit', action.expectedBenefit || 'None'],
    ['Evidence', evidenceTitles || 'None'],
  ] as const;
}

/** Someone else saved the action first: both versions side by side, and the person chooses. */
function ActionConflict({
  mine,
  current,
  evidence,
  onKeepMine,
  onUseSaved,
}: {
  mine: PlanAction;
  current: PlanAction | null;
  evidence: readonly Evidence[];
  onKeepMine: () => void;
  onUseSaved: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const mineRows = describe(mine, evidence);
  const savedRows = current ? describe(current, evidence) : [];
  return (
    <div className="wgll-conflict" role="group" aria-labelledby="action-conflict-heading">
      <h2 id="action-conflict-heading" className="nhsuk-heading-m" ref={heading} tabIndex={-1}>
        {current
          ? `${current.updatedBy?.displayName ?? 'Someone else'} saved this action first`
          : 'This action has been removed'}
      </h2>
      <p>
        Your changes have not been saved, and nothing has been overwritten.
        {current ? ' Compare the two versions and choose which to keep.' : ''}
      </p>
      {current ? (
        <>
          <WideTable caption="Your changes and the saved version" firstCellIsHeader>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Field</Table.Cell>
                <Table.Cell>Your changes</Table.Cell>
                <Table.Cell>Saved version</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {mineRows.map(([label, value], index) => (
                <Table.Row key={label}>
                  <Table.Cell>{label}</Table.Cell>
                  <Table.Cell>{value}</Table.Cell>
                  <Table.Cell>{savedRows[index]?.[1]}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </WideTable>
          <div className="nhsuk-button-group">
            <Button type="button" onClick={onKeepMine}>
              Keep my changes
            </Button>
            <Button type="button" secondary onClick={onUseSaved}>
              Use the saved version
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}

interface ActionFormProps {
  returnId: string;
  action: PlanAction;
  /** The trust lead changes every field; an owner only state, blocked reason, description and evidence. */
  full: boolean;
  people: PersonRef[];
  evidence: readonly Evidence[];
  onSaved: () => void;
}

/** The form of one action. Only the fields changed are sent, with the version it started from. */
export function ActionForm({ returnId, action, full, people, evidence, onSaved }: ActionFormProps) {
  const update = useUpdateAction(returnId, action.id);
  const [base, setBase] = useState(action);
  const [values, setValues] = useState<Values>(() => valuesOf(action));
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState<UpdateActionRequest>();
  const conflict = conflictCurrent<PlanAction>(update.error);
  const errors = checkErrors.length > 0 ? checkErrors : apiFieldErrors(update.error, fieldIds);
  const set = (change: Partial<Values>) => setValues((current) => ({ ...current, ...change }));

  function send(body: UpdateActionRequest) {
    setSent(body);
    update.mutate(body, { onSuccess: onSaved });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const found: FormError[] = [];
    let dueDate: string | null = null;
    if (full && (values.dueDate.day.trim() || values.dueDate.month.trim() || values.dueDate.year.trim())) {
      const read = readDateParts(values.dueDate, 'Due date');
      if ('error' in read) found.push({ id: fieldIds['dueDate'], message: read.error });
      else dueDate = read.date;
    } else if (!full) {
      dueDate = base.dueDate;
    }
    if (full && !values.title.trim())
      found.push({ id: actionIds.title, message: 'Enter a title for the action' });
    if (values.state === 'blocked' && !values.blockedReason.trim()) {
      found.push({ id: actionIds.blockedReason, message: 'Say what is blocking the action' });
    }
    setCheckErrors(found);
    if (found.length > 0) return;
    send({ baseVersion: base.version, ...changes(values, dueDate, base, full) });
  }

  const mine: PlanAction | undefined = sent
    ? {
        ...base,
        ...sent,
        owner:
          sent.ownerId === undefined
            ? base.owner
            : (people.find((person) => person.id === sent.ownerId) ?? null),
      }
    : undefined;

  return (
    <>
      {update.isError && conflict === undefined && !isFormProblem(update.error) ? (
        <ApiErrorSummary key={attempt} error={update.error} />
      ) : null}
      {conflict === undefined ? <FormErrorSummary key={attempt} errors={errors} /> : null}
      {conflict !== undefined && mine && sent ? (
        <ActionConflict
          mine={mine}
          current={conflict}
          evidence={evidence}
          onKeepMine={() => {
            if (!conflict) return;
            setBase(conflict);
            send({ ...sent, baseVersion: conflict.version });
          }}
          onUseSaved={() => {
            if (!conflict) return;
            setBase(conflict);
            setValues(valuesOf(conflict));
            update.reset();
          }}
        />
      ) : null}
      <form method="post" noValidate onSubmit={handleSubmit}>
        {full ? (
          <TextInput
            id={actionIds.title}
            name="title"
            label="Title"
            labelProps={{ size: 's' }}
            autoComplete="off"
            value={values.title}
            error={errorFor(errors, actionIds.title)}
            onChange={(event) => set({ title: event.target.value })}
          />
        ) : null}
        <Textarea
          id={actionIds.description}
          name="description"
          label="Description"
          labelProps={{ size: 's' }}
          hint="What will be done. Only people of the trust see it."
          rows={4}
          value={values.description}
          error={errorFor(errors, actionIds.description)}
          onChange={(event) => set({ description: event.target.value })}
        />
        {full ? (
          <>
            <Select
              id={actionIds.owner}
              name="ownerId"
              label="Owner"
              labelProps={{ size: 's' }}
              hint="The person of the trust who sees it through"
              value={values.ownerId}
              error={errorFor(errors, actionIds.owner)}
              onChange={(event) => set({ ownerId: event.target.value })}
            >
              <option value="">No owner yet</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </Select>
            <DateFields
              id={actionIds.dueDate}
              legend="Due date"
              hint="For example, 30 9 2026. Leave it empty if there is no date yet."
              value={values.dueDate}
              error={errorFor(errors, fieldIds['dueDate'] ?? '')}
              onChange={(dueDate) => set({ dueDate })}
            />
          </>
        ) : null}
        <Radios
          name="state"
          legend="State"
          legendProps={{ size: 's' }}
          error={errorFor(errors, actionIds.state)}
        >
          {actionStates.map((state, index) => (
            <Radios.Item
              key={state}
              id={index === 0 ? actionIds.state : `${actionIds.state}-${state}`}
              value={state}
              checked={values.state === state}
              onChange={() => set({ state })}
            >
              {actionStateLabels[state]}
            </Radios.Item>
          ))}
        </Radios>
        {values.state === 'blocked' ? (
          <Textarea
            id={actionIds.blockedReason}
            name="blockedReason"
            label="What is blocking it"
            labelProps={{ size: 's' }}
            rows={3}
            value={values.blockedReason}
            error={errorFor(errors, actionIds.blockedReason)}
            onChange={(event) => set({ blockedReason: event.target.value })}
          />
        ) : null}
        {full ? (
          <>
            <Radios
              name="funding"
              legend="Funding"
              legendProps={{ size: 's' }}
              error={errorFor(errors, actionIds.funding)}
            >
              {fundingOptions.map((funding, index) => (
                <Radios.Item
                  key={funding}
                  id={index === 0 ? actionIds.funding : `${actionIds.funding}-${funding}`}
                  value={funding}
                  checked={values.funding === funding}
                  onChange={() => set({ funding })}
                >
                  {fundingLabels[funding]}
                </Radios.Item>
              ))}
            </Radios>
            <Textarea
              id={actionIds.expectedBenefit}
              name="expectedBenefit"
              label="Expected benefit"
              labelProps={{ size: 's' }}
              rows={3}
              value={values.expectedBenefit}
              error={errorFor(errors, actionIds.expectedBenefit)}
              onChange={(event) => set({ expectedBenefit: event.target.value })}
            />
          </>
        ) : null}
        <div
          className={
            errorFor(errors, actionIds.evidence)
              ? 'nhsuk-form-group nhsuk-form-group--error'
              : 'nhsuk-form-group'
          }
        >
          <fieldset
            className="nhsuk-fieldset"
            id={actionIds.evidence}
            aria-describedby={`${actionIds.evidence}-hint`}
          >
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Evidence</legend>
            <div className="nhsuk-hint" id={`${actionIds.evidence}-hint`}>
              {evidence.length === 0
                ? 'The return has no evidence yet. Add it to the return’s questions, then link it here.'
                : 'The return’s evidence that shows the action is done'}
            </div>
            {errorFor(errors, actionIds.evidence) ? (
              <span className="nhsuk-error-message">
                <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor(errors, actionIds.evidence)}
              </span>
            ) : null}
            <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
              {evidence.map((item) => (
                <div key={item.id} className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={`evidence-${item.id}`}
                    type="checkbox"
                    checked={values.evidenceIds.includes(item.id)}
                    onChange={(event) =>
                      set({
                        evidenceIds: event.target.checked
                          ? [...values.evidenceIds, item.id]
                          : values.evidenceIds.filter((id) => id !== item.id),
                      })
                    }
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`evidence-${item.id}`}>
                    {item.title}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <Button type="submit" disabled={update.isPending}>
          Save the action
        </Button>
      </form>
    </>
  );
}
