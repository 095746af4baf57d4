import type { Cycle, FrameworkVersionSummary } from '@wgll/contracts';
import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { DateFields, dateInputTarget, emptyDateParts, type DateParts } from '../../../components/date-fields';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { ApiRequestError } from '../../../lib/api-client';
import { useFrameworkVersions } from '../../../lib/api/frameworks-api';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { useCreateCycle } from '../api/cycles-api';
import { fromFrameworkValue, readDates, toFrameworkValue } from '../cycle-form-values';

const ids = { name: 'cycle-name', organisation: 'organisation-framework', system: 'system-framework' };
const dateFields = {
  opensOn: { id: 'opens-on', label: 'Opening date' },
  closesOn: { id: 'closes-on', label: 'Closing date' },
  referenceDate: { id: 'reference-date', label: 'Reference date' },
};
type DateKey = keyof typeof dateFields;
const fieldIds: Record<string, string> = {
  name: ids.name,
  organisationFramework: ids.organisation,
  'organisationFramework.frameworkId': ids.organisation,
  'organisationFramework.version': ids.organisation,
  systemFramework: ids.system,
  'systemFramework.frameworkId': ids.system,
  'systemFramework.version': ids.system,
  opensOn: dateInputTarget(dateFields.opensOn.id),
  closesOn: dateInputTarget(dateFields.closesOn.id),
  referenceDate: dateInputTarget(dateFields.referenceDate.id),
};

function createErrors(error: unknown): FormError[] {
  if (error instanceof ApiRequestError && error.code === 'CYCLE_EXISTS') {
    return [{ id: ids.name, message: 'A cycle with this name already exists. Enter a different name' }];
  }
  return apiFieldErrors(error, fieldIds);
}

function FrameworkSelect(props: {
  id: string;
  label: string;
  versions: FrameworkVersionSummary[];
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <Select
      id={props.id}
      name={props.id}
      label={props.label}
      labelProps={{ size: 's' }}
      value={props.value}
      error={props.error}
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value="">Choose a published version</option>
      {props.versions.map((version) => (
        <option key={toFrameworkValue(version)} value={toFrameworkValue(version)}>
          {version.title} (version {version.version})
        </option>
      ))}
    </Select>
  );
}

/** Creates an assessment cycle: its name, framework versions and dates. */
export function CreateCycleForm({ onCreated }: { onCreated: (cycle: Cycle) => void }) {
  const frameworks = useFrameworkVersions();
  const create = useCreateCycle();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [system, setSystem] = useState('');
  const [dates, setDates] = useState<Record<DateKey, DateParts>>({
    opensOn: emptyDateParts,
    closesOn: emptyDateParts,
    referenceDate: emptyDateParts,
  });
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errors = checkErrors.length > 0 ? checkErrors : createErrors(create.error);
  const published = (frameworks.data?.items ?? []).filter(
    (item) => item.status === 'published' && !item.retiredAt,
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const found: FormError[] = [];
    if (!name.trim())
      found.push({ id: ids.name, message: 'Enter the name of the cycle, for example 2026/27' });
    const organisationRef = fromFrameworkValue(organisation);
    const systemRef = fromFrameworkValue(system);
    if (!organisationRef)
      found.push({ id: ids.organisation, message: 'Choose the framework version for trusts' });
    if (!systemRef) found.push({ id: ids.system, message: 'Choose the framework version for ICBs' });
    const read = readDates(dates, dateFields);
    found.push(...read.errors);
    const { opensOn, closesOn, referenceDate } = read.dates;
    if (opensOn && closesOn && closesOn < opensOn) {
      found.push({
        id: fieldIds['closesOn'],
        message: 'Closing date must be the same as or after the opening date',
      });
    }
    setCheckErrors(found);
    if (found.length > 0 || !organisationRef || !systemRef || !opensOn || !closesOn || !referenceDate) return;
    create.mutate(
      {
        name: name.trim(),
        organisationFramework: organisationRef,
        systemFramework: systemRef,
        opensOn,
        closesOn,
        referenceDate,
      },
      {
        onSuccess: (cycle) => {
          setName('');
          setOrganisation('');
          setSystem('');
          setDates({ opensOn: emptyDateParts, closesOn: emptyDateParts, referenceDate: emptyDateParts });
          onCreated(cycle);
        },
      },
    );
  }

  if (frameworks.isError) return <ApiErrorSummary error={frameworks.error} />;

  return (
    <section aria-labelledby="create-cycle-heading">
      <h2 id="create-cycle-heading">Create a cycle</h2>
      {create.isError && !isFormProblem(create.error, ['CYCLE_EXISTS']) ? (
        <ApiErrorSummary key={attempt} error={create.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} />
      <form method="post" noValidate onSubmit={handleSubmit}>
        <TextInput
          id={ids.name}
          name="name"
          label="Name"
          labelProps={{ size: 's' }}
          hint="Usually the financial year, for example 2026/27"
          width={10}
          autoComplete="off"
          value={name}
          error={errorFor(errors, ids.name)}
          onChange={(event) => setName(event.target.value)}
        />
        <FrameworkSelect
          id={ids.organisation}
          label="Framework version for trusts"
          versions={published.filter((item) => item.level === 'organisation')}
          value={organisation}
          error={errorFor(errors, ids.organisation)}
          onChange={setOrganisation}
        />
        <FrameworkSelect
          id={ids.system}
          label="Framework version for integrated care systems"
          versions={published.filter((item) => item.level === 'system')}
          value={system}
          error={errorFor(errors, ids.system)}
          onChange={setSystem}
        />
        <DateFields
          id={dateFields.opensOn.id}
          legend="Opens on"
          hint="The first day answers are accepted, for example 1 4 2026"
          value={dates.opensOn}
          error={errorFor(errors, fieldIds['opensOn'] ?? '')}
          onChange={(value) => setDates({ ...dates, opensOn: value })}
        />
        <DateFields
          id={dateFields.closesOn.id}
          legend="Closes on"
          hint="The last day answers are accepted, for example 31 3 2027"
          value={dates.closesOn}
          error={errorFor(errors, fieldIds['closesOn'] ?? '')}
          onChange={(value) => setDates({ ...dates, closesOn: value })}
        />
        <DateFields
          id={dateFields.referenceDate.id}
          legend="Reference date"
          hint="The organisation hierarchy (which ICS and region each trust is in) is read on this date, for example 1 4 2026"
          value={dates.referenceDate}
          error={errorFor(errors, fieldIds['referenceDate'] ?? '')}
          onChange={(value) => setDates({ ...dates, referenceDate: value })}
        />
        <Button type="submit" disabled={create.isPending || frameworks.isPending}>
          Create the cycle
        </Button>
      </form>
    </section>
  );
}
