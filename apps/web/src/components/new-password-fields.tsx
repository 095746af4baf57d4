import { PasswordInput } from 'nhsuk-react-components';

import { errorFor, type FormError } from '../lib/form-errors';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const PASSWORD_HINT = `Use ${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Three or four random words together make a strong password that is easy to remember.`;

/** The checks for a new password and its confirmation, with messages for the two inputs. */
export function checkNewPassword(
  password: string,
  confirmation: string,
  ids: { password: string; confirmation: string },
): FormError[] {
  if (!password) return [{ id: ids.password, message: 'Enter a new password' }];
  if (password.length < PASSWORD_MIN)
    return [{ id: ids.password, message: `Password must be ${PASSWORD_MIN} characters or more` }];
  if (password.length > PASSWORD_MAX)
    return [{ id: ids.password, message: `Password must be ${PASSWORD_MAX} characters or fewer` }];
  if (!confirmation) return [{ id: ids.confirmation, message: 'Confirm your new password' }];
  if (confirmation !== password)
    return [{ id: ids.confirmation, message: 'The passwords do not match. Enter the same password twice' }];
  return [];
}

interface NewPasswordFieldsProps {
  ids: { password: string; confirmation: string };
  labels: { password: string; confirmation: string };
  password: string;
  confirmation: string;
  errors: FormError[];
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
}

/** A new password (with the length hint) and the same again, both with show/hide buttons. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { ids, labels, errors } = props;
  return (
    <>
      <PasswordInput
        id={ids.password}
        name={ids.password}
        label={labels.password}
        hint={PASSWORD_HINT}
        autoComplete="new-password"
        width={20}
        value={props.password}
        error={errorFor(errors, ids.password)}
        onChange={(event) => props.onPasswordChange(event.target.value)}
      />
      <PasswordInput
        id={ids.confirmation}
        name={ids.confirmation}
        label={labels.confirmation}
        autoComplete="new-password"
        width={20}
        value={props.confirmation}
        error={errorFor(errors, ids.confirmation)}
        onChange={(event) => props.onConfirmationChange(event.target.value)}
      />
    </>
  );
}
