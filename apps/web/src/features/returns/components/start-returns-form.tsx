import type { CareSetting, CreateReturnsResult, Cycle } from '@wgll/contracts';
import { Button, Checkboxes } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { careSettingLabels } from '../../../lib/format';
import { useStartReturns } from '../api/returns-api';

const settingsId = 'care-settings';

interface StartReturnsFormProps {
  code: string;
  cycle: Cycle;
  /**
   * A trust's care settings that have no return in the cycle yet: one return is started for each
   * ticked. Left out for an ICB, which has one system-level return.
   */
  careSettings?: CareSetting[];
  /** `carryForward`: whether the user asked to start from the last submitted return. */
  onStarted: (result: CreateReturnsResult, carryForward: boolean) => void;
}

/** Starts a trust's returns for a cycle (one for each care setting ticked), or an ICB's system return. */
export function StartReturnsForm({ code, cycle, careSettings, onStarted }: StartReturnsFormProps) {
  const isTrust = careSettings !== undefined;
  const start = useStartReturns(isTrust ? 'organisation' : 'ics', code);
  const [chosen, setChosen] = useState<CareSetting[]>(careSettings ?? []);
  const [carryForward, setCarryForward] = useState(false);
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const firstBoxId = `${settingsId}-${careSettings?.[0] ?? 'acute'}`;
  const errors =
    checkErrors.length > 0
      ? checkErrors
      : apiFieldErrors(start.error, { careSettings: firstBoxId }, { conflicts: true });

  function toggle(setting: CareSetting, checked: boolean) {
    setChosen((current) =>
      checked
        ? (careSettings ?? []).filter((item) => item === setting || current.includes(item))
        : current.filter((item) => item !== setting),
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const found =
      isTrust && chosen.length === 0 ? [{ id: firstBoxId, message: 'Choose at least one care setting' }] : [];
    setCheckErrors(found);
    if (found.length > 0) return;
    // The form may be gone once the return changes, so the page is told through the promise.
    start
      .mutateAsync(
        isTrust
          ? { cycleId: cycle.id, careSettings: chosen, carryForward }
          : { cycleId: cycle.id, carryForward },
      )
      .then(
        (result) => onStarted(result, carryForward),
        () => undefined,
      );
  }

  return (
    <section aria-labelledby="start-returns-heading">
      <h2 id="start-returns-heading">
        {isTrust ? `Start returns for ${cycle.name}` : `Start the system return for ${cycle.name}`}
      </h2>
      {start.isError && !isFormProblem(start.error, [], { conflicts: true }) ? (
        <ApiErrorSummary key={attempt} error={start.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} />
      <form method="post" noValidate onSubmit={handleSubmit}>
        {careSettings ? (
          <Checkboxes
            id={settingsId}
            name={settingsId}
            legend="Care settings"
            legendProps={{ size: 's' }}
            hint="Each care setting has its own return. Untick any you do not want to start now."
            error={errorFor(errors, firstBoxId)}
          >
            {careSettings.map((setting) => (
              <Checkboxes.Item
                key={setting}
                id={`${settingsId}-${setting}`}
                value={setting}
                checked={chosen.includes(setting)}
                onChange={(event) => toggle(setting, event.target.checked)}
              >
                {careSettingLabels[setting]}
              </Checkboxes.Item>
            ))}
          </Checkboxes>
        ) : null}
        <Checkboxes name="carryForward">
          <Checkboxes.Item
            id="carry-forward"
            value="yes"
            checked={carryForward}
            onChange={(event) => setCarryForward(event.target.checked)}
            hint={
              isTrust
                ? 'Only for care settings with a submitted return from an earlier cycle. Check each copied answer is still right before you submit.'
                : 'Only when the ICB submitted a system return in an earlier cycle. Check each copied answer is still right before you submit.'
            }
          >
            Start from our last submitted return (answers are copied and marked to confirm)
          </Checkboxes.Item>
        </Checkboxes>
        {/* The same words for one return or several: people look for "Start returns". */}
        <Button type="submit" disabled={start.isPending}>
          Start returns
        </Button>
      </form>
    </section>
  );
}
