import type { AreaBasis, CareSetting, ResultCycle } from '@wgll/contracts';
import { Radios, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';

import { FormErrorSummary } from '../../../components/form-error-summary';
import type { FormError } from '../../../lib/form-errors';
import { THRESHOLD_PATTERN } from '../area-search';
import { CareSettingSelect, careSettingsFor, CycleSelect, ResultsFilters } from './results-filters';

export function thresholdError(value: string): string | undefined {
  if (value.trim() === '') return 'Enter a threshold, for example 2.5';
  const number = Number(value);
  if (!Number.isFinite(number)) return 'Threshold must be a number, for example 2.5';
  if (number < 1 || number > 5) return 'Threshold must be between 1 and 5';
  if (!THRESHOLD_PATTERN.test(value.trim()))
    return 'Threshold must have no more than 2 decimal places, for example 2.55';
  return undefined;
}

interface AreaFiltersProps {
  cycles: ResultCycle[];
  chosen: ResultCycle;
  basis: AreaBasis;
  careSetting: CareSetting | null | undefined;
  /** The results shown (their cycle and care settings), once loaded. */
  shown: { cycle: { id: string }; careSettings: CareSetting[] } | undefined;
  threshold: number;
  /** "ICB's own returns" in a region; "ICBs' own returns" in England. */
  icbLabel: string;
}

/** Cycle, basis, care setting (providers only) and threshold, submitted into the address. */
export function AreaFilters({
  cycles,
  chosen,
  basis,
  careSetting,
  shown,
  threshold,
  icbLabel,
}: AreaFiltersProps) {
  const [shownBasis, setShownBasis] = useState<AreaBasis>(basis);
  // The care settings follow the cycle picked, before the form is sent.
  const [picked, setPicked] = useState<ResultCycle>(chosen);
  const careSettings = careSettingsFor(picked, shown);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  function validate(data: FormData): boolean {
    const value = data.get('threshold');
    const message = thresholdError(typeof value === 'string' ? value : '');
    setErrors(message ? [{ id: 'threshold', message }] : []);
    setAttempt((count) => count + 1);
    return message === undefined;
  }

  const thresholdMessage = errors.find((error) => error.id === 'threshold')?.message;
  return (
    <>
      <FormErrorSummary key={attempt} errors={errors} />
      <ResultsFilters button="Update" validate={validate}>
        <CycleSelect cycles={cycles} chosen={chosen} onPick={setPicked} />
        <Radios name="basis" legend="Show" legendProps={{ size: 's' }} inline>
          <Radios.Item
            id="basis"
            value="providers"
            checked={shownBasis === 'providers'}
            onChange={() => setShownBasis('providers')}
          >
            Provider scores
          </Radios.Item>
          <Radios.Item
            id="basis-icb"
            value="icb"
            checked={shownBasis === 'icb'}
            onChange={() => setShownBasis('icb')}
          >
            {icbLabel}
          </Radios.Item>
        </Radios>
        {shownBasis === 'providers' && careSettings.length > 0 ? (
          <CareSettingSelect key={picked.id} settings={careSettings} value={careSetting} />
        ) : null}
        <TextInput
          id="threshold"
          name="threshold"
          type="text"
          inputMode="decimal"
          spellCheck={false}
          width={4}
          label="Threshold"
          labelProps={{ size: 's' }}
          hint="Show the share of organisations scoring below this, from 1 to 5"
          defaultValue={String(threshold)}
          error={thresholdMessage}
        />
      </ResultsFilters>
    </>
  );
}
