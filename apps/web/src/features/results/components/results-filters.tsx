import type { CareSetting, ResultCycle } from '@wgll/contracts';
import { Button, Select } from 'nhsuk-react-components';
import type { FormEvent, ReactNode } from 'react';
import { useSearchParams } from 'react-router';

import { careSettingLabels } from '../../../lib/format';
import { careSettingParam } from '../area-search';
import { useResultCycles } from '../api/results-api';
import { chosenResultCycle, figuresCycle } from '../result-cycles';

/**
 * The cycles with results, the one chosen in the address (`?cycle=`) or else the newest with
 * results, the cycle to ask the figures for (see figuresCycle), and the cycle accepting returns
 * today (for completion).
 */
export function useResultCycle() {
  const [searchParams] = useSearchParams();
  const cycles = useResultCycles();
  const items = cycles.data?.items ?? [];
  const chosen = chosenResultCycle(items, searchParams.get('cycle'));
  const figures = figuresCycle(cycles.data?.items, searchParams.get('cycle'));
  const current = items.find((cycle) => cycle.current) ?? chosen;
  return { cycles, items, chosen, figures, current };
}

/** The care setting in the address (`?careSetting=`), if it names one. */
export function useCareSettingParam(): CareSetting | undefined {
  const [searchParams] = useSearchParams();
  return careSettingParam(searchParams);
}

export function cycleOptionLabel(cycle: ResultCycle): string {
  if (cycle.source === 'published') return `${cycle.name} (published by NHS England)`;
  if (cycle.source === 'sealed') return `${cycle.name} (submitted returns)`;
  return `${cycle.name} (no results yet)`;
}

interface CycleSelectProps {
  cycles: ResultCycle[];
  chosen: ResultCycle;
  /** Told of the cycle picked, before the form is submitted (so other fields can follow it). */
  onPick?: (cycle: ResultCycle) => void;
}

export function CycleSelect({ cycles, chosen, onPick }: CycleSelectProps) {
  return (
    <Select
      id="cycle"
      name="cycle"
      label="Assessment cycle"
      labelProps={{ size: 's' }}
      defaultValue={chosen.id}
      onChange={(event) => {
        const picked = cycles.find((cycle) => cycle.id === event.target.value);
        if (picked) onPick?.(picked);
      }}
    >
      {cycles.map((cycle) => (
        <option key={cycle.id} value={cycle.id}>
          {cycleOptionLabel(cycle)}
        </option>
      ))}
    </Select>
  );
}

/**
 * The care settings to offer for the cycle picked in the form: those of the results shown when it is
 * their cycle (the area's own), else those with results in the picked cycle.
 */
export function careSettingsFor(
  picked: ResultCycle,
  shown: { cycle: { id: string }; careSettings: CareSetting[] } | undefined,
): CareSetting[] {
  return shown && shown.cycle.id === picked.id ? shown.careSettings : picked.careSettings;
}

interface CareSettingSelectProps {
  settings: CareSetting[];
  value: CareSetting | null | undefined;
  /** Adds "All care settings" (an empty value) as the first choice. */
  allLabel?: string;
}

export function CareSettingSelect({ settings, value, allLabel }: CareSettingSelectProps) {
  return (
    <Select
      id="careSetting"
      name="careSetting"
      label="Care setting"
      labelProps={{ size: 's' }}
      defaultValue={value ?? ''}
    >
      {allLabel ? <option value="">{allLabel}</option> : null}
      {settings.map((setting) => (
        <option key={setting} value={setting}>
          {careSettingLabels[setting]}
        </option>
      ))}
    </Select>
  );
}

interface ResultsFiltersProps {
  children: ReactNode;
  /** The submit button's words. */
  button?: string;
  /** Checks the form before the address changes; returns false to stop. */
  validate?: (data: FormData) => boolean;
}

/**
 * A GET form whose fields become the address's search (`?cycle=&careSetting=`), so a view can be
 * shared and Back works. Empty fields are left out. Give it a `key` of the current search so its
 * fields show the address again after Back.
 */
export function ResultsFilters({ children, button = 'Show results', validate }: ResultsFiltersProps) {
  const [, setSearchParams] = useSearchParams();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (validate && !validate(data)) return;
    const next = new URLSearchParams();
    for (const [name, value] of data) {
      if (typeof value === 'string' && value.trim() !== '') next.set(name, value.trim());
    }
    setSearchParams(next);
  }

  return (
    <form method="get" noValidate onSubmit={handleSubmit} className="wgll-filters wgll-results-filters">
      {children}
      <Button type="submit" secondary>
        {button}
      </Button>
    </form>
  );
}
