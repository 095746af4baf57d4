/** What each query parameter is called on screen. */
const fieldLabels: Record<string, string> = {
  q: 'Name or ODS code',
  region: 'Region',
  ics: 'Integrated care system',
  type: 'Trust type',
  at: 'Date',
  includeClosed: 'Include closed organisations',
  page: 'Page number',
  pageSize: 'Page size',
  code: 'ODS code',
  careSetting: 'Care setting',
  email: 'Email address',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  displayName: 'Full name',
  status: 'Status',
  role: 'Role',
  scopeCode: 'ODS code',
  roles: 'Role',
  'roles.0.role': 'Role',
  'roles.0.scopeCode': 'ODS code',
  action: 'Action',
  userId: 'User',
};

/** Messages that read better written for people than as the API's rule. */
const friendlyMessages: Record<string, string> = {
  at: 'Enter a real date, for example 31 March 2026',
  careSetting: 'Choose a care setting: acute, community, mental health or ambulance',
};

/**
 * Turns an API field message such as "at must be a real date…" into one a user can act on. The API
 * names the query parameter; the user knows the label on the form.
 */
export function userFieldMessage(field: string, message: string): string {
  const friendly = friendlyMessages[field];
  if (friendly) return friendly;
  const label = fieldLabels[field];
  if (label && message.startsWith(`${field} `)) return `${label} ${message.slice(field.length + 1)}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}
