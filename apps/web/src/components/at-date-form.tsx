import { Button, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import {
  FIRST_DAY_AFTER_MERGERS,
  formatDate,
  isIsoDate,
  LAST_DAY_BEFORE_MERGERS,
  todayIso,
} from '../lib/dates';

interface AtDateFormProps {
  /** The date currently shown. */
  at: string;
  /** What the date changes, for the label: "Show this organisation on". */
  label: string;
}

/**
 * A GET form that changes the page's `?at=` date. The other query parameters are kept, so the
 * result is a link that can be shared, and Back returns to the previous date.
 */
export function AtDateForm({ at, label }: AtDateFormProps) {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [value, setValue] = useState(at);
  const [shownAt, setShownAt] = useState(at);
  const [error, setError] = useState<string>();

  // When the date in the address changes (for example after Back), show it in the input.
  if (shownAt !== at) {
    setShownAt(at);
    setValue(at);
    setError(undefined);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!value) {
      setError('Enter a date');
      return;
    }
    if (!isIsoDate(value)) {
      setError('Enter a real date, for example 31 March 2026');
      return;
    }
    setError(undefined);
    const next = new URLSearchParams(searchParams);
    if (value === todayIso()) next.delete('at');
    else next.set('at', value);
    next.delete('page');
    const search = next.toString();
    void navigate({ search: search ? `?${search}` : '' });
  }

  return (
    <form method="get" noValidate onSubmit={handleSubmit} className="wgll-at-date-form">
      <TextInput
        id="at"
        name="at"
        type="date"
        label={label}
        hint={`For example, ${formatDate(LAST_DAY_BEFORE_MERGERS)} (the last day before the ICB mergers) or ${formatDate(FIRST_DAY_AFTER_MERGERS)}.`}
        width={10}
        value={value}
        error={error}
        onChange={(event) => setValue(event.target.value)}
      />
      <Button type="submit" secondary>
        Show on this date
      </Button>
    </form>
  );
}
