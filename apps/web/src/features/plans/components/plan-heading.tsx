import type { ReturnDetail } from '@wgll/contracts';
import { BackLink } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { DemoDataNotice } from '../../../components/demo-data-notice';
import { ReturnStateTag } from '../../../components/return-state-tag';
import { planCaption } from '../plan-labels';
import '../plans.css';

/** The top of every plan page: the way back, whose return it is and its state, then the h1. */
export function PlanHeading({
  detail,
  back,
  title,
}: {
  detail: ReturnDetail;
  back: { to: string; label: string };
  title: string;
}) {
  return (
    <>
      <BackLink asElement={Link} to={back.to}>
        {back.label}
      </BackLink>
      <h1>
        <span className="nhsuk-caption-l">{planCaption(detail)}</span>
        {title}
      </h1>
      <p className="nhsuk-body-s">
        <span className="nhsuk-u-visually-hidden">State of the return: </span>
        <ReturnStateTag state={detail.state} />
      </p>
      {detail.demo ? (
        <DemoDataNotice>
          This return and its plan were generated for the demonstration. They are not a real organisation’s.
        </DemoDataNotice>
      ) : null}
    </>
  );
}
