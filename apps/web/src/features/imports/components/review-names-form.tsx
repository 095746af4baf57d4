import type { ConfirmMatchesRequest, ImportDetail, ImportName } from '@wgll/contracts';
import { Button, Radios, TextInput } from 'nhsuk-react-components';
import { Fragment, useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { pluralise, readableName } from '../../../lib/format';
import { useConfirmMatches } from '../api/imports-api';
import { kindLabels, nameStatusLabels } from '../import-labels';

const nameKey = (name: ImportName) => `${name.kind}:${name.publishedName}`;

/** The radio value for "another organisation", whose ODS code is typed in. */
const OTHER = 'other';

/** The choices for a name: its current (doubtful) match first, then the suggestions. */
function choices(name: ImportName): Array<{ odsCode: string; name: string }> {
  const list = name.suggestions.map((suggestion) => ({ odsCode: suggestion.odsCode, name: suggestion.name }));
  if (name.match && !list.some((item) => item.odsCode === name.match?.odsCode)) {
    list.unshift({ odsCode: name.match.odsCode, name: name.match.name });
  }
  return list;
}

interface ReviewNamesFormProps {
  detail: ImportDetail;
  onConfirmed: (detail: ImportDetail) => void;
}

/** The doubtful and unmatched names, each with its suggestions to choose from, and "Confirm matches". */
export function ReviewNamesForm({ detail, onConfirmed }: ReviewNamesFormProps) {
  const confirm = useConfirmMatches(detail.id);
  const toReview = detail.names.filter((name) => name.status !== 'matched');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const fieldId = (index: number) => `name-${index}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm.isPending) return;
    // Each match sent, with the field its errors belong to.
    const sent = toReview.flatMap((name, index) => {
      const choice = chosen[nameKey(name)];
      if (!choice) return [];
      const odsCode = choice === OTHER ? (typed[nameKey(name)] ?? '').trim().toUpperCase() : choice;
      return [{ index, match: { kind: name.kind, publishedName: name.publishedName, odsCode } }];
    });
    const matches: ConfirmMatchesRequest['matches'] = sent.map((item) => item.match);
    setAttempt((count) => count + 1);
    const missingCodes = sent.filter((item) => !/^[A-Z0-9]{3,6}$/.test(item.match.odsCode));
    if (matches.length === 0 || missingCodes.length > 0) {
      setErrors(
        matches.length === 0
          ? [{ id: fieldId(0), message: 'Choose a match for at least one name' }]
          : missingCodes.map((item) => ({
              id: `${fieldId(item.index)}-code`,
              message: `Enter the ODS code for ${item.match.publishedName}, for example RJ1`,
            })),
      );
      return;
    }
    const fieldIds = Object.fromEntries(
      sent.map((item, j) => [
        `matches[${j}].odsCode`,
        chosen[nameKey(toReview[item.index]!)] === OTHER
          ? `${fieldId(item.index)}-code`
          : fieldId(item.index),
      ]),
    );
    setErrors([]);
    confirm.mutate(
      { matches },
      {
        onSuccess: (updated) => {
          setChosen({});
          onConfirmed(updated);
        },
        onError: (error) => {
          if (isFormProblem(error, [], { conflicts: true }))
            setErrors(apiFieldErrors(error, fieldIds, { conflicts: true }));
        },
      },
    );
  }

  if (toReview.length === 0) return null;
  const serviceError = confirm.isError && !isFormProblem(confirm.error, [], { conflicts: true });
  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby="review-heading">
      <h2 id="review-heading">Names to review</h2>
      <p>
        These names in the file did not match exactly one organisation or ICB, or something about the match
        disagrees. Choose the right one for each. When none is left, the results are applied.
      </p>
      <FormErrorSummary key={attempt} errors={errors} />
      {serviceError ? <ApiErrorSummary error={confirm.error} /> : null}
      {toReview.map((name, index) => {
        const options = choices(name);
        const key = nameKey(name);
        const hint = [
          `${kindLabels[name.kind]} · ${nameStatusLabels[name.status]} · ${pluralise(name.rows, 'row')}`,
          name.publishedIcs ? `ICS in the file: ${name.publishedIcs}` : undefined,
          name.reason ?? undefined,
        ]
          .filter(Boolean)
          .join('. ');
        const codeId = `${fieldId(index)}-code`;
        const noun = name.kind === 'ics' ? 'ICB' : 'organisation';
        return (
          <Fragment key={key}>
            <Radios
              name={fieldId(index)}
              legend={name.publishedName}
              legendProps={{ size: 's' }}
              hint={hint}
              error={errorFor(errors, fieldId(index))}
            >
              {options.map((option, optionIndex) => (
                <Radios.Item
                  key={option.odsCode}
                  id={optionIndex === 0 ? fieldId(index) : `${fieldId(index)}-${option.odsCode}`}
                  value={option.odsCode}
                  checked={chosen[key] === option.odsCode}
                  onChange={() => setChosen((current) => ({ ...current, [key]: option.odsCode }))}
                >
                  {readableName(option.name)} ({option.odsCode})
                </Radios.Item>
              ))}
              <Radios.Item
                id={options.length === 0 ? fieldId(index) : `${fieldId(index)}-${OTHER}`}
                value={OTHER}
                checked={chosen[key] === OTHER}
                onChange={() => setChosen((current) => ({ ...current, [key]: OTHER }))}
              >
                Another {noun} (type its ODS code)
              </Radios.Item>
            </Radios>
            {chosen[key] === OTHER ? (
              <TextInput
                id={codeId}
                label={`ODS code of the ${noun} for ${name.publishedName}`}
                hint="For example RJ1"
                width={10}
                spellCheck={false}
                value={typed[key] ?? ''}
                onChange={(event) => {
                  const { value } = event.currentTarget;
                  setTyped((current) => ({ ...current, [key]: value }));
                }}
                error={errorFor(errors, codeId)}
              />
            ) : null}
          </Fragment>
        );
      })}
      <Button type="submit">{confirm.isPending ? 'Confirming…' : 'Confirm matches'}</Button>
    </form>
  );
}
