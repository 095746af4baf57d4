import type { CareSetting, MeasureId, NationalTarget, SaveTargetRequest, TargetKind } from '@wgll/contracts';
import { Button, Checkboxes, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import {
  DateFields,
  dateInputTarget,
  readDateParts,
  toDateParts,
  type DateParts,
} from '../../../components/date-fields';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { ApiRequestError } from '../../../lib/api-client';
import { useFrameworkVersion, useFrameworkVersions } from '../../../lib/api/frameworks-api';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { careSettingLabels, careSettings } from '../../../lib/format';
import { useSaveTarget } from '../api/targets-api';
import { kindLabels, measureOptions } from '../target-labels';

const ids = {
  name: 'target-name',
  description: 'target-description',
  kind: 'target-kind',
  frameworkId: 'target-framework',
  domainId: 'target-domain',
  level: 'target-level',
  elementId: 'target-element',
  measure: 'target-measure',
  value: 'target-value',
  careSettings: 'target-care-settings',
  percent: 'target-percent',
  dueDate: 'target-due',
};
const fieldIds: Record<string, string> = {
  ...ids,
  careSettings: `${ids.careSettings}-acute`,
  dueDate: dateInputTarget(ids.dueDate),
  baseVersion: ids.name,
};
const kinds: TargetKind[] = ['domain', 'element', 'measure'];

interface Values {
  name: string;
  description: string;
  kind: TargetKind;
  frameworkId: string;
  domainId: string;
  level: string;
  elementId: string;
  measure: string;
  value: string;
  careSettings: CareSetting[];
  percent: string;
  dueDate: DateParts;
}

function initial(target?: NationalTarget): Values {
  return {
    name: target?.name ?? '',
    description: target?.description ?? '',
    kind: target?.kind ?? 'domain',
    frameworkId: target?.frameworkId ?? 'wgll-self-assessment',
    domainId: target?.domainId ?? '',
    level: target?.level ? String(target.level) : '',
    elementId: target?.elementId ?? '',
    measure: target?.measure ?? '',
    value: target?.value !== null && target?.value !== undefined ? String(target.value) : '',
    careSettings: target?.careSettings ?? ['acute', 'community', 'mental-health'],
    percent: target ? String(target.percent) : '',
    dueDate: toDateParts(target?.dueDate),
  };
}

/** Creates a national target, or changes one (`target` given: sent with its version). */
export function TargetForm({
  target,
  onSaved,
}: {
  target?: NationalTarget;
  onSaved: (target: NationalTarget) => void;
}) {
  const save = useSaveTarget(target?.id);
  const [values, setValues] = useState<Values>(() => initial(target));
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const set = (change: Partial<Values>) => setValues((current) => ({ ...current, ...change }));
  const conflict = save.error instanceof ApiRequestError && save.error.code === 'TARGET_CONFLICT';
  const errors = checkErrors.length > 0 ? checkErrors : conflict ? [] : apiFieldErrors(save.error, fieldIds);

  const frameworks = useFrameworkVersions();
  const organisationVersions = (frameworks.data?.items ?? []).filter(
    (v) => v.level === 'organisation' && v.status !== 'draft',
  );
  const frameworkIds = [...new Set(organisationVersions.map((v) => v.frameworkId))];
  // The newest version of the chosen framework names its domains and elements.
  const newest = organisationVersions.find((v) => v.frameworkId === values.frameworkId);
  const document = useFrameworkVersion(values.frameworkId, newest?.version ?? '', undefined, {
    enabled: Boolean(newest) && values.kind !== 'measure',
  });
  const domains = document.data?.domains ?? [];
  const domain = domains.find((d) => d.id === values.domainId);
  const listedDomains =
    values.domainId && !domain ? [{ id: values.domainId, title: values.domainId }, ...domains] : domains;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found: FormError[] = [];
    if (!values.name.trim()) found.push({ id: ids.name, message: 'Enter a name for the target' });
    const onDomain = values.kind === 'domain' || values.kind === 'element';
    if (onDomain && !values.frameworkId) found.push({ id: ids.frameworkId, message: 'Choose the framework' });
    if (onDomain && !values.domainId) found.push({ id: ids.domainId, message: 'Choose the domain' });
    if (values.kind === 'domain' && !values.level)
      found.push({ id: ids.level, message: 'Choose the level to reach, from 2 to 5' });
    if (values.kind === 'element' && !values.elementId)
      found.push({ id: ids.elementId, message: 'Choose the element' });
    if (values.kind === 'measure' && !values.measure)
      found.push({ id: ids.measure, message: 'Choose the measure, or the overall score' });
    const value = Number(values.value);
    if (values.kind === 'measure' && (!values.value.trim() || !(value >= 1 && value <= 5)))
      found.push({ id: ids.value, message: 'Enter the score to reach, from 1 to 5' });
    if (values.careSettings.length === 0)
      found.push({ id: fieldIds['careSettings'], message: 'Choose at least one care setting' });
    const percent = Number(values.percent);
    if (!/^\d{1,3}$/.test(values.percent.trim()) || percent < 1 || percent > 100)
      found.push({
        id: ids.percent,
        message: 'Enter the share of organisations to reach, a whole number from 1 to 100',
      });
    const due = readDateParts(values.dueDate, 'Date to reach it by');
    if ('error' in due) found.push({ id: fieldIds['dueDate'], message: due.error });
    setCheckErrors(found);
    if (found.length > 0 || 'error' in due) return;
    const body: SaveTargetRequest = {
      name: values.name.trim(),
      description: values.description.trim(),
      kind: values.kind,
      frameworkId: onDomain ? values.frameworkId : null,
      domainId: onDomain ? values.domainId : null,
      level: values.kind === 'domain' ? (Number(values.level) as 2 | 3 | 4 | 5) : null,
      elementId: values.kind === 'element' ? values.elementId : null,
      measure: values.kind === 'measure' ? (values.measure as MeasureId | 'overall') : null,
      value: values.kind === 'measure' ? value : null,
      careSettings: values.careSettings,
      percent,
      dueDate: due.date,
      ...(target ? { baseVersion: target.version } : {}),
    };
    save.mutate(body, {
      onSuccess: (saved) => {
        if (!target) setValues(initial());
        onSaved(saved);
      },
    });
  }

  return (
    <>
      {save.isError && !conflict && !isFormProblem(save.error) ? (
        <ApiErrorSummary key={attempt} error={save.error} />
      ) : null}
      <FormErrorSummary
        key={`summary-${attempt}`}
        errors={
          conflict
            ? [
                {
                  id: undefined,
                  message:
                    'Someone changed this target since you opened it. Reload the page, check it and save again.',
                },
              ]
            : errors
        }
      />
      <form method="post" noValidate onSubmit={handleSubmit}>
        <TextInput
          id={ids.name}
          name="name"
          label="Name"
          labelProps={{ size: 's' }}
          hint="For example, Electronic patient record in 95% of trusts by 31 March 2027"
          autoComplete="off"
          value={values.name}
          error={errorFor(errors, ids.name)}
          onChange={(event) => set({ name: event.target.value })}
        />
        <Textarea
          id={ids.description}
          name="description"
          label="Description (optional)"
          labelProps={{ size: 's' }}
          rows={3}
          value={values.description}
          error={errorFor(errors, ids.description)}
          onChange={(event) => set({ description: event.target.value })}
        />
        <Radios
          name="kind"
          legend="What counts for an organisation"
          legendProps={{ size: 's' }}
          error={errorFor(errors, ids.kind)}
        >
          {kinds.map((kind, index) => (
            <Radios.Item
              key={kind}
              id={index === 0 ? ids.kind : `${ids.kind}-${kind}`}
              value={kind}
              checked={values.kind === kind}
              onChange={() => set({ kind })}
            >
              {kindLabels[kind]}
            </Radios.Item>
          ))}
        </Radios>
        {values.kind !== 'measure' ? (
          <>
            <Select
              id={ids.frameworkId}
              name="frameworkId"
              label="Framework"
              labelProps={{ size: 's' }}
              value={values.frameworkId}
              error={errorFor(errors, ids.frameworkId)}
              onChange={(event) => set({ frameworkId: event.target.value, domainId: '', elementId: '' })}
            >
              <option value="">Choose a framework</option>
              {frameworkIds.map((id) => (
                <option key={id} value={id}>
                  {organisationVersions.find((v) => v.frameworkId === id)?.title ?? id}
                </option>
              ))}
            </Select>
            <Select
              id={ids.domainId}
              name="domainId"
              label="Domain"
              labelProps={{ size: 's' }}
              hint="The target follows the domain into later framework versions, and into a domain it is merged into."
              value={values.domainId}
              error={errorFor(errors, ids.domainId)}
              onChange={(event) => set({ domainId: event.target.value, elementId: '' })}
            >
              <option value="">Choose a domain</option>
              {listedDomains.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title} ({d.id})
                </option>
              ))}
            </Select>
          </>
        ) : null}
        {values.kind === 'domain' ? (
          <Select
            id={ids.level}
            name="level"
            label="Level to reach"
            labelProps={{ size: 's' }}
            value={values.level}
            error={errorFor(errors, ids.level)}
            onChange={(event) => set({ level: event.target.value })}
          >
            <option value="">Choose a level</option>
            {[2, 3, 4, 5].map((level) => (
              <option key={level} value={String(level)}>
                Level {level}
                {domain ? `: ${domain.levels.find((l) => l.level === level)?.descriptor ?? ''}` : ''}
              </option>
            ))}
          </Select>
        ) : null}
        {values.kind === 'element' ? (
          <Select
            id={ids.elementId}
            name="elementId"
            label="Element"
            labelProps={{ size: 's' }}
            value={values.elementId}
            error={errorFor(errors, ids.elementId)}
            onChange={(event) => set({ elementId: event.target.value })}
          >
            <option value="">Choose an element</option>
            {values.elementId &&
            !domain?.levels.some((l) => l.elements.some((e) => e.id === values.elementId)) ? (
              <option value={values.elementId}>{values.elementId}</option>
            ) : null}
            {(domain?.levels ?? []).flatMap((l) =>
              l.elements.map((e) => (
                <option key={e.id} value={e.id}>
                  Level {l.level}, {e.id}: {e.text}
                </option>
              )),
            )}
          </Select>
        ) : null}
        {values.kind === 'measure' ? (
          <>
            <Select
              id={ids.measure}
              name="measure"
              label="Measure"
              labelProps={{ size: 's' }}
              value={values.measure}
              error={errorFor(errors, ids.measure)}
              onChange={(event) => set({ measure: event.target.value })}
            >
              <option value="">Choose a measure</option>
              {measureOptions.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </Select>
            <TextInput
              id={ids.value}
              name="value"
              label="Score to reach"
              labelProps={{ size: 's' }}
              hint="From 1 to 5, for example 3 or 2.5"
              inputMode="decimal"
              width={4}
              autoComplete="off"
              value={values.value}
              error={errorFor(errors, ids.value)}
              onChange={(event) => set({ value: event.target.value })}
            />
          </>
        ) : null}
        <Checkboxes
          id={ids.careSettings}
          name="careSettings"
          legend="Care settings"
          legendProps={{ size: 's' }}
          hint="Organisations running any of these count"
          error={errorFor(errors, fieldIds['careSettings'] ?? '')}
        >
          {careSettings.map((setting) => (
            <Checkboxes.Item
              key={setting}
              id={`${ids.careSettings}-${setting}`}
              value={setting}
              checked={values.careSettings.includes(setting)}
              onChange={(event) =>
                set({
                  careSettings: event.target.checked
                    ? [...values.careSettings, setting]
                    : values.careSettings.filter((c) => c !== setting),
                })
              }
            >
              {careSettingLabels[setting]}
            </Checkboxes.Item>
          ))}
        </Checkboxes>
        <TextInput
          id={ids.percent}
          name="percent"
          label="Share of organisations to reach (%)"
          labelProps={{ size: 's' }}
          hint="A whole number from 1 to 100, for example 95"
          inputMode="numeric"
          width={3}
          autoComplete="off"
          value={values.percent}
          error={errorFor(errors, ids.percent)}
          onChange={(event) => set({ percent: event.target.value })}
        />
        <DateFields
          id={ids.dueDate}
          legend="Reach it by"
          hint="For example, 31 3 2027"
          value={values.dueDate}
          error={errorFor(errors, fieldIds['dueDate'] ?? '')}
          onChange={(dueDate) => set({ dueDate })}
        />
        <Button type="submit" disabled={save.isPending}>
          {target ? 'Save the target' : 'Create the target'}
        </Button>
      </form>
    </>
  );
}
