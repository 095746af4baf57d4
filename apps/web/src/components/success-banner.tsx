import { NotificationBanner } from 'nhsuk-react-components';
import type { ReactNode } from 'react';

/** The NHS success banner (it takes focus, so screen readers hear it): give it a new `key` each time. */
export function SuccessBanner({ heading, children }: { heading: string; children?: ReactNode }) {
  return (
    <NotificationBanner success title="Success">
      <NotificationBanner.Heading>{heading}</NotificationBanner.Heading>
      {children}
    </NotificationBanner>
  );
}
