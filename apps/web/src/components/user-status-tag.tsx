import type { UserStatus } from '@wgll/contracts';
import { Tag, type TagProps } from 'nhsuk-react-components';

export const userStatusLabels: Record<UserStatus, string> = {
  invited: 'Invited',
  active: 'Active',
  disabled: 'Disabled',
};

export const userStatuses = Object.keys(userStatusLabels) as UserStatus[];

export function isUserStatus(value: string): value is UserStatus {
  return Object.hasOwn(userStatusLabels, value);
}

const modifiers: Record<UserStatus, TagProps['modifier']> = {
  invited: 'blue',
  active: 'green',
  disabled: 'grey',
};

/** An account's status as a tag; the words carry the meaning, the colour only repeats it. */
export function UserStatusTag({ status }: { status: UserStatus }) {
  return <Tag modifier={modifiers[status]}>{userStatusLabels[status]}</Tag>;
}
