import type { CurrentUser } from '@wgll/contracts';
import { Footer, Header, SkipLink } from 'nhsuk-react-components';
import { Suspense, useEffect, useRef, type FormEvent } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';

import { LoadingMessage } from '../components/loading-message';
import { useNotices } from '../lib/api/notices-api';
import { useSession, useSessionSync, useSignOut } from '../lib/api/session-api';
import { resultsLinks } from '../lib/results-access';

/** How long the header's unread count stands without asking again (a page listing notices asks anyway). */
const HEADER_NOTICES_STALE_MS = 60_000;

/**
 * The header links a user may use. What the user's roles are for comes first, so it stays in the
 * header rather than under "More" when the menu is full: their results (the widest place their roles
 * cover) and, for administrators, the published results' imports and the administration pages. Then
 * what everyone signed in reads.
 */
function navigationFor(user: CurrentUser) {
  const results = resultsLinks(user)[0];
  return [
    ...(results
      ? [{ to: results.to, label: results.scope === 'national' ? 'Results for England' : 'Results' }]
      : []),
    ...(user.capabilities.manageImports ? [{ to: '/admin/imports', label: 'Published results' }] : []),
    ...(user.capabilities.manageUsers ? [{ to: '/admin/users', label: 'Users' }] : []),
    ...(user.capabilities.manageCycles ? [{ to: '/admin/cycles', label: 'Cycles' }] : []),
    ...(user.capabilities.manageTargets ? [{ to: '/admin/targets', label: 'Targets' }] : []),
    ...(user.capabilities.readAudit ? [{ to: '/admin/audit', label: 'Audit log' }] : []),
    ...(user.capabilities.manageUsers ? [{ to: '/admin/email', label: 'E-mail' }] : []),
    { to: '/organisations', label: 'Organisations' },
    { to: '/regions', label: 'Regions' },
    { to: '/frameworks', label: 'Frameworks' },
    { to: '/about-the-data', label: 'About the data' },
  ];
}

/**
 * Moves focus to the main content when the path changes, so keyboard and screen reader users
 * start at the new page's content rather than wherever the old page left them.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPathname = useRef(pathname);

  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return mainRef;
}

export function Layout() {
  const { pathname } = useLocation();
  const mainRef = useFocusMainOnNavigation();
  const session = useSession();
  const user = session.data?.user ?? null;
  const navigation = user ? navigationFor(user) : [];
  // Fetched before the first render (startApp): the pages that list the notices ask again.
  const unread = useNotices(user !== null, HEADER_NOTICES_STALE_MS).data?.unread ?? 0;
  // The one item the page is under: the longest address that is the page's or a parent of it (on a
  // region's results, Results rather than Regions).
  const activeItem = navigation
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0];
  const signOut = useSignOut();
  useSessionSync();

  function handleSignOut(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!signOut.isPending) signOut.mutate();
  }

  return (
    <>
      <SkipLink href="#maincontent" />
      {/*
        The NHS header script measures and rearranges the menu once, when it starts: a new key
        starts it again whenever the links change (signing in or out, or another user's roles).
      */}
      <Header
        key={navigation.map((item) => item.to).join(' ') || 'signed-out'}
        service={{ text: 'WGLL digital maturity', href: '/' }}
      >
        {/* Header only recognises its own parts as direct children, so they are not wrapped. */}
        <Header.Account>
          {user ? (
            <>
              <Header.AccountItem href="/account" asElement={Link} to="/account" icon>
                {user.displayName}
              </Header.AccountItem>
              <Header.AccountItem href="/account/notifications" asElement={Link} to="/account/notifications">
                {unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
              </Header.AccountItem>
              <Header.AccountItem formProps={{ method: 'post', onSubmit: handleSignOut }} type="submit">
                Sign out
              </Header.AccountItem>
            </>
          ) : (
            <Header.AccountItem href="/sign-in" asElement={Link} to="/sign-in">
              Sign in
            </Header.AccountItem>
          )}
        </Header.Account>
        {navigation.length > 0 ? (
          <Header.Navigation aria-label="Menu">
            {navigation.map((item) => (
              <Header.NavigationItem
                key={item.to}
                asElement={Link}
                to={item.to}
                current={pathname === item.to}
                active={item === activeItem && pathname !== item.to}
              >
                {item.label}
              </Header.NavigationItem>
            ))}
          </Header.Navigation>
        ) : null}
      </Header>
      {/*
        The main element is always there: the skip link (nhsuk-frontend) looks for its target as it
        starts and throws when it is missing. Its content and the footer wait for the session's answer
        (asked for with the page, so it is usually there as the script starts): shown together with the
        header's links, they do not move down when the links appear.
      */}
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper wgll-main" id="maincontent" tabIndex={-1} ref={mainRef}>
          {session.isPending ? null : (
            // A page's code loads when it is first visited: until then, a polite status message.
            <Suspense fallback={<LoadingMessage>Loading the page…</LoadingMessage>}>
              <Outlet />
            </Suspense>
          )}
        </main>
      </div>
      {session.isPending ? null : (
        <Footer>
          <Footer.Meta>
            <Footer.ListItem asElement={Link} to="/frameworks">
              WGLL frameworks
            </Footer.ListItem>
            <Footer.ListItem asElement={Link} to="/organisations">
              Organisation directory
            </Footer.ListItem>
            <Footer.ListItem asElement={Link} to="/regions">
              NHS England regions
            </Footer.ListItem>
            <Footer.ListItem asElement={Link} to="/about-the-data">
              About the data
            </Footer.ListItem>
            <Footer.Copyright>
              © NHS England. Contains public sector information licensed under the Open Government Licence
              v3.0.
            </Footer.Copyright>
          </Footer.Meta>
        </Footer>
      )}
      <ScrollRestoration />
    </>
  );
}
