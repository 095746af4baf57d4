import { createBrowserRouter } from 'react-router';

import { AboutTheDataPage } from '../features/about/routes/about-the-data-page';
import { FrameworkReaderPage } from '../features/frameworks/routes/framework-reader-page';
import { FrameworksPage } from '../features/frameworks/routes/frameworks-page';
import { HomePage } from '../features/home/home-page';
import { IcsPage } from '../features/ics/routes/ics-page';
import { DirectoryPage } from '../features/organisations/routes/directory-page';
import { OrganisationPage } from '../features/organisations/routes/organisation-page';
import { RegionPage } from '../features/regions/routes/region-page';
import { RegionsPage } from '../features/regions/routes/regions-page';
import { NotFoundPage } from '../components/not-found-page';
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
            { index: true, element: <HomePage /> },
            { path: 'organisations', element: <DirectoryPage /> },
            { path: 'organisations/:code', element: <OrganisationPage /> },
            { path: 'ics/:code', element: <IcsPage /> },
            { path: 'regions', element: <RegionsPage /> },
            { path: 'regions/:code', element: <RegionPage /> },
            { path: 'frameworks', element: <FrameworksPage /> },
            { path: 'frameworks/:frameworkId/versions/:version', element: <FrameworkReaderPage /> },
            { path: 'about-the-data', element: <AboutTheDataPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
