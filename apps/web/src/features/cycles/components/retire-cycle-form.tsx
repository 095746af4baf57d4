import type { Cycle } from '@wgll/contracts';
import { Select } from 'nhsuk-react-components';
import { useState } from 'react';

import { RetireAction } from '../../../components/retire-action';
import { sortCycles } from '../../../lib/api/cycles-api';
import { useRetireCycle } from '../api/cycles-api';

/** Retires a cycle created by mistake, after a confirmation (national administrators). */
export function RetireCycleForm({
  cycles,
  onRetired,
}: {
  cycles: Cycle[];
  onRetired: (cycle: Cycle) => void;
}) {
  const sorted = sortCycles(cycles);
  const [chosenId, setChosenId] = useState(sorted[0]?.id ?? '');
  const chosen = cycles.find((cycle) => cycle.id === chosenId);
  const retire = useRetireCycle();

  return (
    <section aria-labelledby="retire-cycle-heading">
      <h2 id="retire-cycle-heading">Retire a cycle</h2>
      <p>
        For a cycle created by mistake. A retired cycle is no longer offered anywhere a cycle is chosen and
        cannot change; its submitted returns and its results can still be read. A cycle cannot be retired
        while a return in it is being answered.
      </p>
      <Select
        id="retire-cycle"
        name="cycle"
        label="Cycle to retire"
        labelProps={{ size: 's' }}
        value={chosenId}
        onChange={(event) => {
          setChosenId(event.target.value);
          retire.reset();
        }}
      >
        {sorted.map((cycle) => (
          <option key={cycle.id} value={cycle.id}>
            {cycle.name}
          </option>
        ))}
      </Select>
      {chosen ? (
        <RetireAction
          what={`the cycle ${chosen.name}`}
          label="Retire this cycle"
          consequences={`${chosen.name} will no longer be offered when choosing a cycle, and its returns and dates can no longer change. Submitted returns and results stay readable.`}
          pending={retire.isPending}
          error={retire.error}
          onConfirm={() => retire.mutate(chosen.id, { onSuccess: onRetired })}
        />
      ) : null}
    </section>
  );
}
