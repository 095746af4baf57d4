import type { CareSetting, CreateReturnsResult, Cycle, ReturnOwner } from '@wgll/contracts';
import { BackLink, InsetText } from 'nhsuk-react-components';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { CyclePicker, useChosenCycle } from '../../../components/cycle-picker';
import { DemoDataNotice } from '../../../components/demo-data-notice';
import { Forbidden, FORBIDDEN_TITLE } from '../../../components/forbidden';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/api/session-api';
import { careSettingLabels, readableName } from '../../../lib/format';
import { mayStartReturns } from '../../../lib/roles';
import { useOwnerReturns } from '../api/returns-api';
import { CycleDates } from './cycle-dates';
import { NoCycles } from './no-cycles';
import { ReturnsStarted } from './returns-started';
import { ReturnsTable } from './returns-table';
import { StartReturnsForm } from './start-returns-form';

/** What a returns page says that depends on whose returns they are. */
export interface OwnerReturnsWords {
  /** While the cycle's returns load. */
  loading: string;
  /** The caption of the cycle's returns table. */
  caption: (cycle: Cycle) => string;
  /** When none has been started in the cycle. */
  noneStarted: (cycle: Cycle) => string;
  /** What to do next, for someone who may start returns. */
  startHint: string;
  /** Who starts them, for everyone else. */
  waitHint: string;
  /** When the cycle has closed with returns still to start. */
  closed: string;
}

interface CycleReturnsProps {
  ownerType: ReturnOwner['type'];
  code: string;
  cycle: Cycle;
  /** A trust's care settings (each has its own return); undefined for an ICB's one system return. */
  careSettings: CareSetting[] | undefined;
  words: OwnerReturnsWords;
}

/** One cycle's returns: the table, or how they get started, and the form that starts them. */
function CycleReturns({ ownerType, code, cycle, careSettings, words }: CycleReturnsProps) {
  const user = useCurrentUser();
  const returns = useOwnerReturns(ownerType, code, cycle.id);
  const [started, setStarted] = useState<{
    result: CreateReturnsResult;
    carryForward: boolean;
    count: number;
  }>();
  const mayStart = mayStartReturns(user, ownerType, code);

  if (returns.isPending) return <LoadingMessage>{words.loading}</LoadingMessage>;
  if (returns.isError) return <ApiErrorSummary error={returns.error} />;
  const items = returns.data.items;
  const notStarted = careSettings?.filter((setting) => !items.some((item) => item.careSetting === setting));
  const leftToStart = notStarted ? notStarted.length > 0 : items.length === 0;

  return (
    <>
      {started ? (
        <ReturnsStarted key={started.count} result={started.result} carryForward={started.carryForward} />
      ) : null}
      <CycleDates cycle={cycle} />
      {items.some((item) => item.demo) ? (
        <DemoDataNotice>
          These returns were generated for the demonstration. They are not real organisations’ assessments.
        </DemoDataNotice>
      ) : null}
      {items.length > 0 ? (
        <ReturnsTable returns={items} caption={words.caption(cycle)} />
      ) : (
        <InsetText>
          <p>{words.noneStarted(cycle)}</p>
          <p>{mayStart ? words.startHint : words.waitHint}</p>
        </InsetText>
      )}
      {mayStart && leftToStart && cycle.status !== 'closed' ? (
        <StartReturnsForm
          key={`${cycle.id}:${notStarted?.join(',') ?? ''}`}
          code={code}
          cycle={cycle}
          careSettings={notStarted}
          onStarted={(result, carryForward) =>
            setStarted((current) => ({ result, carryForward, count: (current?.count ?? 0) + 1 }))
          }
        />
      ) : null}
      {mayStart && leftToStart && cycle.status === 'closed' ? <p>{words.closed}</p> : null}
      {careSettings?.length === 0 ? (
        <p>The directory does not record any care settings for this trust, so it has no returns to start.</p>
      ) : null}
      {notStarted && notStarted.length > 0 && items.length > 0 && !mayStart ? (
        <p>Not started yet: {notStarted.map((setting) => careSettingLabels[setting]).join(', ')}.</p>
      ) : null}
    </>
  );
}

interface OwnerReturnsLayoutProps {
  ownerType: ReturnOwner['type'];
  code: string;
  /** The trust or ICB whose returns these are, as loaded from the directory. */
  owner: { data: { name: string } | undefined; isPending: boolean; error: unknown };
  /** A trust's care settings; left out for an ICB. */
  careSettings?: CareSetting[];
  /** The owner's own page. */
  backTo: string;
  /** What these returns are, under the heading. */
  intro: ReactNode;
  /** When the directory has no such trust or ICB. */
  notFound: { heading: string; body: ReactNode };
  words: OwnerReturnsWords;
}

/**
 * A trust's or an ICB's returns page: the owner, the cycle shown (with a choice of cycle), that
 * cycle's returns and starting them. Says so when the owner is not found or may not be seen.
 */
export function OwnerReturnsLayout({
  ownerType,
  code,
  owner,
  careSettings,
  backTo,
  intro,
  notFound,
  words,
}: OwnerReturnsLayoutProps) {
  const { cycles, chosen } = useChosenCycle();
  const name = owner.data ? readableName(owner.data.name) : code;
  const missing = owner.error instanceof ApiRequestError && owner.error.isNotFound;
  const forbidden = owner.error instanceof ApiRequestError && owner.error.isForbidden;
  useDocumentTitle(forbidden ? FORBIDDEN_TITLE : missing ? notFound.heading : `Assessment returns – ${name}`);

  if (forbidden) return <Forbidden />;
  if (missing) return <NotFound heading={notFound.heading}>{notFound.body}</NotFound>;

  return (
    <>
      <BackLink asElement={Link} to={backTo}>
        {name}
      </BackLink>
      <h1>
        <span className="nhsuk-caption-l">{name}</span>
        Assessment returns
      </h1>
      {intro}
      {owner.error ? <ApiErrorSummary error={owner.error} /> : null}
      {cycles.isPending || owner.isPending ? <LoadingMessage>Loading the returns…</LoadingMessage> : null}
      {cycles.isError ? <ApiErrorSummary error={cycles.error} /> : null}
      {cycles.data && !chosen ? <NoCycles /> : null}
      {chosen && owner.data ? (
        <>
          <CyclePicker cycles={cycles.data?.items ?? []} chosen={chosen} />
          <CycleReturns
            ownerType={ownerType}
            code={code}
            cycle={chosen}
            careSettings={careSettings}
            words={words}
          />
        </>
      ) : null}
    </>
  );
}
