import type {
  DomainTarget,
  ImprovementPlan,
  LevelNumber,
  MeasureTarget,
  SavePlanRequest,
} from '@wgll/contracts';
import { Button, Table, TextInput } from 'nhsuk-react-components';
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
import { conflictCurrent, useSavePlan } from '../api/plan-api';
import { measureDomains, type PlanData } from '../plan-labels';

const ids = { targetDate: 'target-date' };
const targetInputId = (domainId: string) => `target-${domainId}`;
const measureTargetId = (measure: string) => `measure-target-${measure}`;

function scoresOf(targets: MeasureTarget[]): Record<string, string> {
  return Object.fromEntries(targets.map((target) => [target.measure, String(target.score)]));
}

type TargetChoices = Record<string, string>;

function choicesOf(targets: DomainTarget[]): TargetChoices {
  return Object.fromEntries(targets.map((target) => [target.domainId, String(target.level)]));
}

function targetsOf(choices: TargetChoices): DomainTarget[] {
  return Object.entries(choices)
    .filter(([, level]) => level !== '')
    .map(([domainId, level]) => ({ domainId, level: Number(level) as LevelNumber }));
}

const levelText = (level: number | null | undefined) => (level ? `Level ${level}` : 'No target');

/** The targets saved by someone else first, beside the ones not saved: the person chooses. */
function TargetsConflict({
  data,
  current,
  mine,
  myDate,
  onKeepMine,
  onUseSaved,
}: {
  data: PlanData;
  current: ImprovementPlan;
  mine: DomainTarget[];
  myDate: string | null;
  onKeepMine: () => void;
  onUseSaved: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const saved = new Map(current.targets.map((target) => [target.domainId, target.level]));
  const mineByDomain = new Map(mine.map((target) => [target.domainId, target.level]));
  const changed = data.detail.scores.domains
    .map((domain) => domain.domainId)
    .filter((domainId) => saved.get(domainId) !== mineByDomain.get(domainId));
  const title = (domainId: string) =>
    data.framework.domains.find((domain) => domain.id === domainId)?.title ?? domainId;
  return (
    <div className="wgll-conflict" role="group" aria-labelledby="targets-conflict-heading">
      <h3 id="targets-conflict-heading" className="nhsuk-heading-m" ref={heading} tabIndex={-1}>
        Someone else saved the targets first
      </h3>
      <p>
        Your changes to the targets have not been saved, and nothing has been overwritten. Compare the two
        versions and choose which to keep.
      </p>
      <WideTable caption="Your changes and the saved targets">
        <Table.Head>
          <Table.Row>
            <Table.Cell>What</Table.Cell>
            <Table.Cell>Your changes</Table.Cell>
            <Table.Cell>Saved version</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          <Table.Row>
            <Table.Cell>Target date</Table.Cell>
            <Table.Cell>{myDate ? formatDate(myDate) : 'None'}</Table.Cell>
            <Table.Cell>{current.targetDate ? formatDate(current.targetDate) : 'None'}</Table.Cell>
          </Table.Row>
          {changed.map((domainId) => (
            <Table.Row key={domainId}>
              <Table.Cell>{title(domainId)}</Table.Cell>
              <Table.Cell>{levelText(mineByDomain.get(domainId))}</Table.Cell>
              <Table.Cell>{levelText(saved.get(domainId))}</Table.Cell>
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
    </div>
  );
}

/** The trust lead sets the target date and a target level for any domain (above today's). */
export function TargetsForm({ data, onSaved }: { data: PlanData; onSaved: () => void }) {
  const { plan } = data;
  const save = useSavePlan(data.detail.id);
  const [date, setDate] = useState<DateParts>(() => toDateParts(plan.targetDate));
  const [choices, setChoices] = useState<TargetChoices>(() => choicesOf(plan.targets));
  const [scores, setScores] = useState<Record<string, string>>(() => scoresOf(plan.measureTargets));
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState<SavePlanRequest>();

  const conflict = conflictCurrent<ImprovementPlan>(save.error);
  const fieldIds: Record<string, string> = { targetDate: dateInputTarget(ids.targetDate) };
  sent?.targets.forEach((target, index) => {
    fieldIds[`targets.${index}.level`] = targetInputId(target.domainId);
    fieldIds[`targets.${index}.domainId`] = targetInputId(target.domainId);
  });
  sent?.measureTargets.forEach((target, index) => {
    fieldIds[`measureTargets.${index}.score`] = measureTargetId(target.measure);
  });
  const errors = checkErrors.length > 0 ? checkErrors : apiFieldErrors(save.error, fieldIds);

  function send(body: SavePlanRequest) {
    setSent(body);
    save.mutate(body, { onSuccess: onSaved });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    let targetDate: string | null = null;
    const found: FormError[] = [];
    if (date.day.trim() || date.month.trim() || date.year.trim()) {
      const read = readDateParts(date, 'Target date');
      if ('error' in read) found.push({ id: fieldIds['targetDate'], message: read.error });
      else targetDate = read.date;
    }
    const measureTargets: MeasureTarget[] = [];
    for (const measure of data.detail.measures) {
      const text = (scores[measure.measure] ?? '').trim();
      if (!text) continue;
      const score = Number(text);
      if (!/^\d(\.\d{1,2})?$/.test(text) || score < 1 || score > 5) {
        found.push({
          id: measureTargetId(measure.measure),
          message: `Enter a target score for ${measure.name} from 1 to 5, with at most 2 decimal places, for example 3.5`,
        });
      } else {
        measureTargets.push({ measure: measure.measure, score });
      }
    }
    setCheckErrors(found);
    if (found.length > 0) return;
    send({ baseVersion: plan.version, targetDate, targets: targetsOf(choices), measureTargets });
  }

  return (
    <form method="post" noValidate onSubmit={handleSubmit} aria-labelledby="targets-heading">
      {save.isError && !conflict && !isFormProblem(save.error) ? (
        <ApiErrorSummary key={attempt} error={save.error} />
      ) : null}
      {conflict === undefined ? <FormErrorSummary key={attempt} errors={errors} /> : null}
      {conflict && sent ? (
        <TargetsConflict
          data={data}
          current={conflict}
          mine={sent.targets}
          myDate={sent.targetDate}
          onKeepMine={() => send({ ...sent, baseVersion: conflict.version })}
          onUseSaved={() => {
            setDate(toDateParts(conflict.targetDate));
            setChoices(choicesOf(conflict.targets));
            setScores(scoresOf(conflict.measureTargets));
            save.reset();
          }}
        />
      ) : null}
      <DateFields
        id={ids.targetDate}
        legend="Target date"
        hint="When the targets should be reached, typically by the next cycle. For example, 31 3 2027"
        value={date}
        error={errorFor(errors, fieldIds['targetDate'] ?? '')}
        onChange={setDate}
      />
      {measureDomains(data.detail, data.framework).map((measure) => (
        <WideTable key={measure.measure} caption={`${measure.name}: target levels`} firstCellIsHeader>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Domain</Table.Cell>
              <Table.Cell>Today</Table.Cell>
              <Table.Cell>Target</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {measure.domains.map((domain) => {
              const id = targetInputId(domain.id);
              const error = errorFor(errors, id);
              const lowest = (domain.today ?? 1) + 1;
              const levels = [2, 3, 4, 5].filter((level) => level >= lowest);
              return (
                <Table.Row key={domain.id}>
                  <Table.Cell>{domain.title}</Table.Cell>
                  <Table.Cell>
                    {domain.status === 'not-applicable'
                      ? 'Not applicable'
                      : domain.today
                        ? `Level ${domain.today}`
                        : 'Not answered'}
                  </Table.Cell>
                  <Table.Cell>
                    {domain.status === 'not-applicable' || levels.length === 0 ? (
                      domain.today === 5 ? (
                        'Already at level 5'
                      ) : (
                        'No target'
                      )
                    ) : (
                      <div
                        className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}
                      >
                        <label className="nhsuk-label nhsuk-u-visually-hidden" htmlFor={id}>
                          Target level for {domain.title}
                        </label>
                        {error ? (
                          <span className="nhsuk-error-message" id={`${id}-error`}>
                            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
                          </span>
                        ) : null}
                        <select
                          className={error ? 'nhsuk-select nhsuk-select--error' : 'nhsuk-select'}
                          id={id}
                          aria-describedby={error ? `${id}-error` : undefined}
                          value={choices[domain.id] ?? ''}
                          onChange={(event) =>
                            setChoices((current) => ({ ...current, [domain.id]: event.target.value }))
                          }
                        >
                          <option value="">No target</option>
                          {levels.map((level) => (
                            <option key={level} value={String(level)}>
                              Level {level}
                            </option>
                          ))}
                        </select>
                      </div>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </WideTable>
      ))}
      <h3 className="nhsuk-heading-s">Target scores for the measures (optional)</h3>
      <p className="nhsuk-body-s">
        A measure’s score is the average of its domains’ levels. Set one where the board wants a score to aim
        for as well as the domains’ levels.
      </p>
      {data.detail.measures.map((measure) => (
        <TextInput
          key={measure.measure}
          id={measureTargetId(measure.measure)}
          name={measureTargetId(measure.measure)}
          label={`${measure.name}: target score`}
          labelProps={{ size: 's' }}
          hint={`Today: ${measure.score === null ? 'not scored' : measure.score.toFixed(1)}. From 1 to 5, for example 3.5`}
          width={4}
          inputMode="decimal"
          autoComplete="off"
          value={scores[measure.measure] ?? ''}
          error={errorFor(errors, measureTargetId(measure.measure))}
          onChange={(event) =>
            setScores((current) => ({ ...current, [measure.measure]: event.target.value }))
          }
        />
      ))}
      <Button type="submit" disabled={save.isPending}>
        Save targets
      </Button>
    </form>
  );
}

/** The targets as text, for everyone who may not change them. */
export function TargetsSummary({ data }: { data: PlanData }) {
  const targets = new Map(data.plan.targets.map((target) => [target.domainId, target.level]));
  if (targets.size === 0 && data.plan.measureTargets.length === 0)
    return <p>No targets have been set yet.</p>;
  return (
    <>
      {data.plan.measureTargets.length > 0 ? (
        <ul>
          {data.plan.measureTargets.map((target) => (
            <li key={target.measure}>
              {data.detail.measures.find((measure) => measure.measure === target.measure)?.name ??
                target.measure}
              : target score {String(target.score)}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        {data.plan.targetDate
          ? `To be reached by ${formatDate(data.plan.targetDate)}.`
          : 'No target date has been set.'}
      </p>
      {measureDomains(data.detail, data.framework)
        .filter((measure) => measure.domains.some((domain) => targets.has(domain.id)))
        .map((measure) => (
          <WideTable key={measure.measure} caption={`${measure.name}: target levels`} firstCellIsHeader>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Domain</Table.Cell>
                <Table.Cell>Today</Table.Cell>
                <Table.Cell>Target</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {measure.domains
                .filter((domain) => targets.has(domain.id))
                .map((domain) => (
                  <Table.Row key={domain.id}>
                    <Table.Cell>{domain.title}</Table.Cell>
                    <Table.Cell>{domain.today ? `Level ${domain.today}` : 'Not answered'}</Table.Cell>
                    <Table.Cell>{levelText(targets.get(domain.id))}</Table.Cell>
                  </Table.Row>
                ))}
            </Table.Body>
          </WideTable>
        ))}
    </>
  );
}
