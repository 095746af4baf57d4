import { BackLink } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { DemoDataNotice } from '../../../components/demo-data-notice';
import { LoadingMessage } from '../../../components/loading-message';
import type { useResultCycle } from './results-filters';
import { NoResultCycles } from './results-problem';
import { ResultsNotice } from './results-notice';

interface ResultsPageStartProps {
  back: { to: string; label: string };
  name: string;
  cycles: ReturnType<typeof useResultCycle>['cycles'];
  /** The cycle shown holds returns generated for the demonstration. */
  demo?: boolean;
}

/** The top of every results page: back link, heading, the "not a league table" note, the cycles' state. */
export function ResultsPageStart({ back, name, cycles, demo }: ResultsPageStartProps) {
  return (
    <>
      <BackLink asElement={Link} to={back.to}>
        {back.label}
      </BackLink>
      <h1>Results – {name}</h1>
      {demo ? (
        <DemoDataNotice>
          This cycle holds returns generated for the demonstration. They are not real organisations’
          assessments.
        </DemoDataNotice>
      ) : null}
      <ResultsNotice />
      {cycles.isPending ? <LoadingMessage>Loading the assessment cycles…</LoadingMessage> : null}
      {cycles.isError ? <ApiErrorSummary error={cycles.error} /> : null}
      {cycles.data?.items.length === 0 ? <NoResultCycles /> : null}
    </>
  );
}
