/**
 * Where to go after signing in. Only a path on this site is allowed ("/organisations?q=x"), so a
 * crafted link cannot send someone elsewhere ("//evil.example", "/\\evil.example", "https://…").
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Browsers drop tabs and new lines from addresses, so "/\t/evil.example" would become "//evil.example".
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  // Back to the sign-in page would go round in a circle.
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/sign-in/')) return '/';
  return value;
}

/** The sign-in page, with the page the user wanted to see as `returnTo`. */
export function signInPath(location: { pathname: string; search: string }): string {
  const returnTo = safeReturnTo(`${location.pathname}${location.search}`);
  return returnTo === '/' ? '/sign-in' : `/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}
