import { Footer, Header, SkipLink } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';

const navigation = [
  { to: '/frameworks', label: 'Frameworks' },
  { to: '/organisations', label: 'Organisations' },
  { to: '/regions', label: 'Regions' },
  { to: '/about-the-data', label: 'About the data' },
];

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

  return (
    <>
      <SkipLink href="#maincontent" />
      <Header service={{ text: 'WGLL digital maturity', href: '/' }}>
        <Header.Navigation aria-label="Menu">
          {navigation.map((item) => (
            <Header.NavigationItem
              key={item.to}
              asElement={Link}
              to={item.to}
              current={pathname === item.to}
              active={pathname !== item.to && pathname.startsWith(`${item.to}/`)}
            >
              {item.label}
            </Header.NavigationItem>
          ))}
        </Header.Navigation>
      </Header>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper wgll-main" id="maincontent" tabIndex={-1} ref={mainRef}>
          <Outlet />
        </main>
      </div>
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
            © NHS England. Contains public sector information licensed under the Open Government Licence v3.0.
          </Footer.Copyright>
        </Footer.Meta>
      </Footer>
      <ScrollRestoration />
    </>
  );
}
