import { createBrowserRouter } from 'react-router';

import { NotFoundPage } from '../components/not-found-page';
import { AboutTheDataPage } from '../features/about/routes/about-the-data-page';
import { AccountPage } from '../features/account/routes/account-page';
import { AuditPage } from '../features/admin/routes/audit-page';
import { NewUserPage } from '../features/admin/routes/new-user-page';
import { UserPage } from '../features/admin/routes/user-page';
import { UsersPage } from '../features/admin/routes/users-page';
import { RequireCapability, RequireSignIn } from '../features/auth/components/require-sign-in';
import { InvitationPage } from '../features/auth/routes/invitation-page';
import { NotRecognisedPage } from '../features/auth/routes/not-recognised-page';
import { SignInPage } from '../features/auth/routes/sign-in-page';
import { CyclesPage } from '../features/cycles/routes/cycles-page';
import { FrameworkReaderPage } from '../features/frameworks/routes/framework-reader-page';
import { FrameworksPage } from '../features/frameworks/routes/frameworks-page';
import { HomePage } from '../features/home/home-page';
import { IcsPage } from '../features/ics/routes/ics-page';
import { ImportPage } from '../features/imports/routes/import-page';
import { ImportsPage } from '../features/imports/routes/imports-page';
import { DirectoryPage } from '../features/organisations/routes/directory-page';
import { OrganisationPage } from '../features/organisations/routes/organisation-page';
import { RegionPage } from '../features/regions/routes/region-page';
import { RegionsPage } from '../features/regions/routes/regions-page';
import { IcsResultsPage } from '../features/results/routes/ics-results-page';
import { NationalResultsPage } from '../features/results/routes/national-results-page';
import { RegionResultsPage } from '../features/results/routes/region-results-page';
import { TrustResultsPage } from '../features/results/routes/trust-results-page';
import { IcsReturnsPage } from '../features/returns/routes/ics-returns-page';
import { MyAssignmentsPage } from '../features/returns/routes/my-assignments-page';
import { OrganisationReturnsPage } from '../features/returns/routes/organisation-returns-page';
import { QuestionnairePage } from '../features/returns/routes/questionnaire-page';
import { ReturnApprovalPage } from '../features/returns/routes/return-approval-page';
import { ReturnAssignmentsPage } from '../features/returns/routes/return-assignments-page';
import { ReturnHistoryPage } from '../features/returns/routes/return-history-page';
import { ReturnOverviewPage } from '../features/returns/routes/return-overview-page';
import { ReturnReviewPage } from '../features/returns/routes/return-review-page';
import { ReturnSubmitPage } from '../features/returns/routes/return-submit-page';
import { SealPage } from '../features/returns/routes/seal-page';
import { ErrorPage, RootErrorPage } from './error-page';
import { Layout } from './layout';

export function createRouter() {
  return createBrowserRouter([
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
            { path: 'sign-in', element: <SignInPage /> },
            { path: 'sign-in/not-recognised', element: <NotRecognisedPage /> },
            { path: 'invitations/:token', element: <InvitationPage /> },
            {
              // Everything else needs a signed-in user.
              element: <RequireSignIn />,
              children: [
                { index: true, element: <HomePage /> },
                { path: 'account', element: <AccountPage /> },
                { path: 'organisations', element: <DirectoryPage /> },
                { path: 'organisations/:code', element: <OrganisationPage /> },
                { path: 'organisations/:code/returns', element: <OrganisationReturnsPage /> },
                { path: 'organisations/:code/results', element: <TrustResultsPage /> },
                { path: 'ics/:code', element: <IcsPage /> },
                { path: 'ics/:code/returns', element: <IcsReturnsPage /> },
                { path: 'ics/:code/results', element: <IcsResultsPage /> },
                { path: 'assignments', element: <MyAssignmentsPage /> },
                { path: 'returns/:id', element: <ReturnOverviewPage /> },
                { path: 'returns/:id/measures/:measure', element: <QuestionnairePage /> },
                { path: 'returns/:id/assignments', element: <ReturnAssignmentsPage /> },
                { path: 'returns/:id/review', element: <ReturnReviewPage /> },
                { path: 'returns/:id/approval', element: <ReturnApprovalPage /> },
                { path: 'returns/:id/submit', element: <ReturnSubmitPage /> },
                { path: 'returns/:id/history', element: <ReturnHistoryPage /> },
                { path: 'returns/:id/seals/:revision', element: <SealPage /> },
                { path: 'regions', element: <RegionsPage /> },
                { path: 'regions/:code', element: <RegionPage /> },
                { path: 'regions/:code/results', element: <RegionResultsPage /> },
                {
                  path: 'national/results',
                  element: <RequireCapability capability="viewNational" />,
                  children: [{ index: true, element: <NationalResultsPage /> }],
                },
                { path: 'frameworks', element: <FrameworksPage /> },
                { path: 'frameworks/:frameworkId/versions/:version', element: <FrameworkReaderPage /> },
                { path: 'about-the-data', element: <AboutTheDataPage /> },
                {
                  path: 'admin/users',
                  element: <RequireCapability capability="manageUsers" />,
                  children: [
                    { index: true, element: <UsersPage /> },
                    { path: 'new', element: <NewUserPage /> },
                    { path: ':id', element: <UserPage /> },
                  ],
                },
                {
                  path: 'admin/cycles',
                  element: <RequireCapability capability="manageCycles" />,
                  children: [{ index: true, element: <CyclesPage /> }],
                },
                {
                  path: 'admin/imports',
                  element: <RequireCapability capability="manageImports" />,
                  children: [
                    { index: true, element: <ImportsPage /> },
                    { path: ':id', element: <ImportPage /> },
                  ],
                },
                {
                  path: 'admin/audit',
                  element: <RequireCapability capability="readAudit" />,
                  children: [{ index: true, element: <AuditPage /> }],
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
