import type { Cycle } from '@wgll/contracts';
import { Button, Select } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

import { defaultCycle, sortCycles, useCycles } from '../lib/api/cycles-api';
import { cycleStatusLabels } from './cycle-status-tag';

/** The cycles, and the one chosen in the address (`?cycle=`), else the open one, else the latest. */
export function useChosenCycle() {
  const [searchParams] = useSearchParams();
  const cycles = useCycles();
  const requested = searchParams.get('cycle') ?? undefined;
  const items = cycles.data?.items ?? [];
  const chosen = items.find((cycle) => cycle.id === requested) ?? defaultCycle(items);
  return { cycles, chosen };
}

interface CyclePickerProps {
  cycles: Cycle[];
  chosen: Cycle;
  /** The button's words: "Show returns" unless the page shows something else. */
  buttonLabel?: string;
}

/** A GET form that changes the cycle shown (`?cycle=`), so the page can be shared and Back works. */
export function CyclePicker({ cycles, chosen, buttonLabel = 'Show returns' }: CyclePickerProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [value, setValue] = useState(chosen.id);
  const [shown, setShown] = useState(chosen.id);

  // When the address changes (for example after Back), show its cycle in the select.
  if (shown !== chosen.id) {
    setShown(chosen.id);
    setValue(chosen.id);
  }

  if (cycles.length < 2) return null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams(searchParams);
    next.set('cycle', value);
    setSearchParams(next);
  }

  return (
    <form method="get" noValidate onSubmit={handleSubmit} className="wgll-filters">
      <Select
        id="cycle"
        name="cycle"
        label="Assessment cycle"
        labelProps={{ size: 's' }}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      >
        {sortCycles(cycles).map((cycle) => (
          <option key={cycle.id} value={cycle.id}>
            {cycle.name} ({cycleStatusLabels[cycle.status].toLowerCase()})
          </option>
        ))}
      </Select>
      <Button type="submit" secondary>
        {buttonLabel}
      </Button>
    </form>
  );
}
