import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';

import { NotFoundPage } from '../components/not-found-page';
import { RequireCapability, RequireSignIn } from '../features/auth/components/require-sign-in';
import { SignInPage } from '../features/auth/routes/sign-in-page';
import {
  prefetchIcsResults,
  prefetchRegionResults,
  prefetchTrustResults,
} from '../features/results/prefetch-results';
import { prefetchReturn } from '../features/returns/api/returns-api';
import { whenSignedIn } from '../lib/api/session-api';
import { ErrorPage, RootErrorPage } from './error-page';
import { lazyPage, type LazyPage } from './lazy-page';
import { Layout } from './layout';

// Each page is its own chunk, loaded when it is first visited (the layout shows a loading message),
// except the sign-in page.
const aboutTheDataPage = lazyPage(
  () => import('../features/about/routes/about-the-data-page'),
  'AboutTheDataPage',
);
const accountPage = lazyPage(() => import('../features/account/routes/account-page'), 'AccountPage');
const notificationsPage = lazyPage(
  () => import('../features/account/routes/notifications-page'),
  'NotificationsPage',
);
const unsubscribePage = lazyPage(
  () => import('../features/account/routes/unsubscribe-page'),
  'UnsubscribePage',
);
const emailPage = lazyPage(() => import('../features/admin/routes/email-page'), 'EmailPage');
const auditPage = lazyPage(() => import('../features/admin/routes/audit-page'), 'AuditPage');
const newUserPage = lazyPage(() => import('../features/admin/routes/new-user-page'), 'NewUserPage');
const userPage = lazyPage(() => import('../features/admin/routes/user-page'), 'UserPage');
const usersPage = lazyPage(() => import('../features/admin/routes/users-page'), 'UsersPage');
const invitationPage = lazyPage(() => import('../features/auth/routes/invitation-page'), 'InvitationPage');
const notRecognisedPage = lazyPage(
  () => import('../features/auth/routes/not-recognised-page'),
  'NotRecognisedPage',
);
const cyclesPage = lazyPage(() => import('../features/cycles/routes/cycles-page'), 'CyclesPage');
const frameworkChangesPage = lazyPage(
  () => import('../features/frameworks/routes/framework-changes-page'),
  'FrameworkChangesPage',
);
const frameworkReaderPage = lazyPage(
  () => import('../features/frameworks/routes/framework-reader-page'),
  'FrameworkReaderPage',
);
const frameworksPage = lazyPage(
  () => import('../features/frameworks/routes/frameworks-page'),
  'FrameworksPage',
);
const homePage = lazyPage(() => import('../features/home/home-page'), 'HomePage');
const icsPage = lazyPage(() => import('../features/ics/routes/ics-page'), 'IcsPage');
const importPage = lazyPage(() => import('../features/imports/routes/import-page'), 'ImportPage');
const importsPage = lazyPage(() => import('../features/imports/routes/imports-page'), 'ImportsPage');
const directoryPage = lazyPage(
  () => import('../features/organisations/routes/directory-page'),
  'DirectoryPage',
);
const organisationPage = lazyPage(
  () => import('../features/organisations/routes/organisation-page'),
  'OrganisationPage',
);
const planPage = lazyPage(() => import('../features/plans/routes/plan-page'), 'PlanPage');
const planActionPage = lazyPage(() => import('../features/plans/routes/action-page'), 'ActionPage');
const approvedPlanPage = lazyPage(
  () => import('../features/plans/routes/approved-plan-page'),
  'ApprovedPlanPage',
);
const peersPage = lazyPage(() => import('../features/peer-learning/routes/peers-page'), 'PeersPage');
const sharingPage = lazyPage(() => import('../features/peer-learning/routes/sharing-page'), 'SharingPage');
const icsPlansPage = lazyPage(() => import('../features/ics/routes/ics-plans-page'), 'IcsPlansPage');
const regionPlansPage = lazyPage(
  () => import('../features/regions/routes/region-plans-page'),
  'RegionPlansPage',
);
const regionTargetsPage = lazyPage(
  () => import('../features/targets/routes/region-targets-page'),
  'RegionTargetsPage',
);
const nationalTargetsPage = lazyPage(
  () => import('../features/targets/routes/national-targets-page'),
  'NationalTargetsPage',
);
const targetsAdminPage = lazyPage(
  () => import('../features/targets/routes/targets-admin-page'),
  'TargetsAdminPage',
);
const targetAdminPage = lazyPage(
  () => import('../features/targets/routes/target-admin-page'),
  'TargetAdminPage',
);
const regionPage = lazyPage(() => import('../features/regions/routes/region-page'), 'RegionPage');
const regionsPage = lazyPage(() => import('../features/regions/routes/regions-page'), 'RegionsPage');
const icsResultsPage = lazyPage(
  () => import('../features/results/routes/ics-results-page'),
  'IcsResultsPage',
);
const nationalResultsPage = lazyPage(
  () => import('../features/results/routes/national-results-page'),
  'NationalResultsPage',
);
const regionResultsPage = lazyPage(
  () => import('../features/results/routes/region-results-page'),
  'RegionResultsPage',
);
const icsDomainLevelsPage = lazyPage(
  () => import('../features/results/routes/ics-domain-levels-page'),
  'IcsDomainLevelsPage',
);
const regionWatchListsPage = lazyPage(
  () => import('../features/results/routes/region-watch-lists-page'),
  'RegionWatchListsPage',
);
const trustResultsPage = lazyPage(
  () => import('../features/results/routes/trust-results-page'),
  'TrustResultsPage',
);
const icsReturnsPage = lazyPage(
  () => import('../features/returns/routes/ics-returns-page'),
  'IcsReturnsPage',
);
const myAssignmentsPage = lazyPage(
  () => import('../features/returns/routes/my-assignments-page'),
  'MyAssignmentsPage',
);
const organisationReturnsPage = lazyPage(
  () => import('../features/returns/routes/organisation-returns-page'),
  'OrganisationReturnsPage',
);
const questionnairePage = lazyPage(
  () => import('../features/returns/routes/questionnaire-page'),
  'QuestionnairePage',
);
const returnApprovalPage = lazyPage(
  () => import('../features/returns/routes/return-approval-page'),
  'ReturnApprovalPage',
);
const returnAssignmentsPage = lazyPage(
  () => import('../features/returns/routes/return-assignments-page'),
  'ReturnAssignmentsPage',
);
const returnHistoryPage = lazyPage(
  () => import('../features/returns/routes/return-history-page'),
  'ReturnHistoryPage',
);
const returnOverviewPage = lazyPage(
  () => import('../features/returns/routes/return-overview-page'),
  'ReturnOverviewPage',
);
const returnReviewPage = lazyPage(
  () => import('../features/returns/routes/return-review-page'),
  'ReturnReviewPage',
);
const returnSubmitPage = lazyPage(
  () => import('../features/returns/routes/return-submit-page'),
  'ReturnSubmitPage',
);
const sealPage = lazyPage(() => import('../features/returns/routes/seal-page'), 'SealPage');

/** Asks for a page's data (from the address's parameters and search), for a signed-in user. */
type Prefetch = (
  queryClient: QueryClient,
  params: Readonly<Partial<Record<string, string>>>,
  search: URLSearchParams,
) => void;

interface PageHandle {
  page: LazyPage;
  prefetch?: Prefetch;
}

const prefetchReturnPage: Prefetch = (queryClient, params) => {
  if (params['id']) prefetchReturn(queryClient, params['id']);
};

/**
 * A route's page element; its `handle` lets the router start loading the page's code, and
 * optionally its data, early.
 */
function page(lazy: LazyPage, prefetch?: Prefetch): Pick<RouteObject, 'element' | 'handle'> {
  const handle: PageHandle = { page: lazy, prefetch };
  return { element: <lazy.Page />, handle };
}

function isPageHandle(handle: unknown): handle is PageHandle {
  return typeof handle === 'object' && handle !== null && 'page' in handle;
}

/**
 * Starts loading the code of the pages the address shows, so that it arrives while the session is
 * checked rather than after, and, once the session says someone is signed in, the data of the pages
 * that say what they need.
 */
function preloadPages(routes: RouteObject[], queryClient: QueryClient, location: Location): void {
  for (const match of matchRoutes(routes, location.pathname) ?? []) {
    if (!isPageHandle(match.route.handle)) continue;
    const { page: lazy, prefetch } = match.route.handle;
    void lazy.preload().catch(() => undefined);
    if (prefetch) {
      void whenSignedIn(queryClient).then((signedIn) => {
        if (signedIn) prefetch(queryClient, match.params, new URLSearchParams(location.search));
      });
    }
  }
}

export function createRouter(queryClient: QueryClient) {
  const routes = appRoutes();
  preloadPages(routes, queryClient, window.location);
  return createBrowserRouter(routes);
}

function appRoutes(): RouteObject[] {
  return [
    {
      path: '/',
      element: <Layout />,
      errorElement: <RootErrorPage />,
      children: [
        {
          // A pathless route, so a failing page renders its error inside the layout.
          errorElement: <ErrorPage />,
          children: [
            // The only pages for someone who is not signed in.
            // In the main bundle: it is the first page of everyone who is not signed in.
            { path: 'sign-in', element: <SignInPage /> },
            { path: 'sign-in/not-recognised', ...page(notRecognisedPage) },
            { path: 'invitations/:token', ...page(invitationPage) },
            // An e-mail's unsubscribe link works without signing in.
            { path: 'unsubscribe', ...page(unsubscribePage) },
            {
              // Everything else needs a signed-in user.
              element: <RequireSignIn />,
              children: [
                { index: true, ...page(homePage) },
                { path: 'account', ...page(accountPage) },
                { path: 'account/notifications', ...page(notificationsPage) },
                { path: 'organisations', ...page(directoryPage) },
                { path: 'organisations/:code', ...page(organisationPage) },
                { path: 'organisations/:code/returns', ...page(organisationReturnsPage) },
                { path: 'organisations/:code/results', ...page(trustResultsPage, prefetchTrustResults) },
                { path: 'organisations/:code/sharing', ...page(sharingPage) },
                { path: 'ics/:code', ...page(icsPage) },
                { path: 'ics/:code/returns', ...page(icsReturnsPage) },
                { path: 'ics/:code/plans', ...page(icsPlansPage) },
                { path: 'ics/:code/results', ...page(icsResultsPage, prefetchIcsResults) },
                { path: 'ics/:code/domain-levels', ...page(icsDomainLevelsPage) },
                { path: 'assignments', ...page(myAssignmentsPage) },
                { path: 'returns/:id', ...page(returnOverviewPage) },
                { path: 'returns/:id/measures/:measure', ...page(questionnairePage, prefetchReturnPage) },
                { path: 'returns/:id/assignments', ...page(returnAssignmentsPage) },
                { path: 'returns/:id/review', ...page(returnReviewPage) },
                { path: 'returns/:id/approval', ...page(returnApprovalPage) },
                { path: 'returns/:id/submit', ...page(returnSubmitPage) },
                { path: 'returns/:id/history', ...page(returnHistoryPage) },
                { path: 'returns/:id/seals/:revision', ...page(sealPage) },
                { path: 'returns/:id/peers', ...page(peersPage) },
                { path: 'returns/:id/plan', ...page(planPage) },
                { path: 'returns/:id/plan/actions/:actionId', ...page(planActionPage) },
                { path: 'returns/:id/plan/approvals/:approvalId', ...page(approvedPlanPage) },
                { path: 'regions', ...page(regionsPage) },
                { path: 'regions/:code', ...page(regionPage) },
                { path: 'regions/:code/plans', ...page(regionPlansPage) },
                { path: 'regions/:code/targets', ...page(regionTargetsPage) },
                { path: 'regions/:code/results', ...page(regionResultsPage, prefetchRegionResults) },
                { path: 'regions/:code/watch-lists', ...page(regionWatchListsPage) },
                {
                  path: 'national/results',
                  element: <RequireCapability capability="viewNational" />,
                  children: [{ index: true, ...page(nationalResultsPage) }],
                },
                {
                  path: 'national/targets',
                  element: <RequireCapability capability="viewNational" />,
                  children: [{ index: true, ...page(nationalTargetsPage) }],
                },
                { path: 'frameworks', ...page(frameworksPage) },
                { path: 'frameworks/:frameworkId/versions/:version', ...page(frameworkReaderPage) },
                {
                  path: 'frameworks/:frameworkId/versions/:version/changes',
                  ...page(frameworkChangesPage),
                },
                { path: 'about-the-data', ...page(aboutTheDataPage) },
                {
                  path: 'admin/users',
                  element: <RequireCapability capability="manageUsers" />,
                  children: [
                    { index: true, ...page(usersPage) },
                    { path: 'new', ...page(newUserPage) },
                    { path: ':id', ...page(userPage) },
                  ],
                },
                {
                  path: 'admin/email',
                  element: <RequireCapability capability="manageUsers" />,
                  children: [{ index: true, ...page(emailPage) }],
                },
                {
                  path: 'admin/cycles',
                  element: <RequireCapability capability="manageCycles" />,
                  children: [{ index: true, ...page(cyclesPage) }],
                },
                {
                  path: 'admin/targets',
                  element: <RequireCapability capability="manageTargets" />,
                  children: [
                    { index: true, ...page(targetsAdminPage) },
                    { path: ':id', ...page(targetAdminPage) },
                  ],
                },
                {
                  path: 'admin/imports',
                  element: <RequireCapability capability="manageImports" />,
                  children: [
                    { index: true, ...page(importsPage) },
                    { path: ':id', ...page(importPage) },
                  ],
                },
                {
                  path: 'admin/audit',
                  element: <RequireCapability capability="readAudit" />,
                  children: [{ index: true, ...page(auditPage) }],
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ];
}
