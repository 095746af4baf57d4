import type { PeerElement, PeerLearning } from '@wgll/contracts';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { Forbidden } from '../../../components/forbidden';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { careSettingLabels, readableName } from '../../../lib/format';
import { peersPath, planPath, questionnairePath, returnPath } from '../../../lib/links';
import { useAddPeerAction, usePeers } from '../api/peer-learning-api';
import { NamedPeerCard } from '../components/named-peer-card';
import { learnFromTitle, othersSentences, withCareSettingReturn } from '../peer-labels';

const TITLE = 'Who meets what we lack';

function ElementPeers({
  element,
  data,
  onAdded,
}: {
  element: PeerElement;
  data: PeerLearning;
  onAdded: (title: string) => void;
}) {
  const add = useAddPeerAction(data.returnId);
  const [added, setAdded] = useState<Set<string>>(new Set());
  function addFrom(code: string, name: string, contact: string) {
    const title = learnFromTitle(name, element.text);
    add.mutate(
      {
        domainId: data.domain.id,
        elementIds: [element.id],
        title,
        description: `Peer learning: contact ${contact} at ${name}.`,
        ownerId: null,
        dueDate: null,
        state: 'not-started',
        blockedReason: null,
        funding: null,
        expectedBenefit: '',
        evidenceIds: [],
      },
      {
        onSuccess: () => {
          setAdded((current) => new Set(current).add(code));
          onAdded(title);
        },
      },
    );
  }
  return (
    <section aria-labelledby={`element-${element.id}`} className="nhsuk-u-margin-bottom-6">
      <h2 id={`element-${element.id}`} className="nhsuk-heading-m">
        <span className="nhsuk-caption-m">Level {element.level}</span>
        {element.text}
      </h2>
      {add.isError ? <ApiErrorSummary error={add.error} /> : null}
      {element.named.length > 0 ? (
        <>
          <h3 className="nhsuk-heading-s">Organisations you can contact</h3>
          <ul className="nhsuk-list">
            {element.named.map((peer) => {
              const name = readableName(peer.organisation.name);
              return (
                <NamedPeerCard
                  key={peer.organisation.odsCode}
                  peer={peer}
                  element={element}
                  data={data}
                  busy={add.isPending}
                  added={added.has(peer.organisation.odsCode)}
                  onAdd={
                    data.permissions.addToPlan
                      ? () =>
                          addFrom(
                            peer.organisation.odsCode,
                            name,
                            `${peer.contact.name} (${peer.contact.email})`,
                          )
                      : undefined
                  }
                />
              );
            })}
          </ul>
        </>
      ) : (
        <p>No organisation that chose to be named meets this element yet.</p>
      )}
      <h3 className="nhsuk-heading-s">Organisations not named</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {othersSentences(element.others, data).map((sentence) => (
          <li key={sentence}>{sentence}.</li>
        ))}
      </ul>
    </section>
  );
}

function Peers({ data }: { data: PeerLearning }) {
  const [added, setAdded] = useState<{ title: string; count: number }>();
  const organisation = readableName(data.organisation.name);
  const setting = careSettingLabels[data.careSetting];
  useDocumentTitle(`${TITLE} – ${data.domain.title} – ${organisation}`);
  const others = data.domainsBelowFive.filter((d) => d.id !== data.domain.id);
  return (
    <>
      {added ? (
        <SuccessBanner key={added.count} heading={`Action added to your improvement plan: ${added.title}`}>
          <p>
            <Link to={planPath(data.returnId)}>Go to the improvement plan</Link>
          </p>
        </SuccessBanner>
      ) : null}
      <span className="nhsuk-caption-l">
        {organisation} – {setting} – {data.cycle.name}
      </span>
      <h1>
        {TITLE}: {data.domain.title}
      </h1>
      <p>
        Your level in this domain is <strong>{data.domain.level}</strong>. For each element you have not met
        yet, these are the other organisations {withCareSettingReturn(data.careSetting)} for {data.cycle.name}{' '}
        that meet it, from their <strong>submitted and sealed</strong> returns (drafts are never used).{' '}
        {data.compared === 1
          ? '1 sealed return was compared.'
          : `${data.compared} sealed returns were compared.`}
      </p>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Who is named and who is only counted</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>
            Organisations are named only when their trust lead chose to share: then you see a contact who
            agreed to be contacted, their note on how they did it, and the titles of evidence they marked
            shareable (never the files). Every other organisation is only counted: in your ICS, elsewhere in
            your region and elsewhere in England, each counted once. A count of 1 or 2 is shown as “fewer than{' '}
            {data.countMinimum}”, so nobody can tell which organisation it is.
          </p>
        </div>
      </details>
      <p>
        <Link to={questionnairePath(data.returnId, data.domain.measure, data.domain.id)}>
          See your answer to this domain
        </Link>
        {' · '}
        <Link to={planPath(data.returnId)}>Your improvement plan</Link>
        {' · '}
        <Link to={returnPath(data.returnId)}>The return</Link>
      </p>
      {data.domain.notApplicable ? (
        <p>You answered this domain as not applicable, so it has nothing to compare.</p>
      ) : data.elements.length === 0 ? (
        <p>Every element of this domain is met: it is at level 5.</p>
      ) : (
        data.elements.map((element) => (
          <ElementPeers
            key={element.id}
            element={element}
            data={data}
            onAdded={(title) => setAdded((current) => ({ title, count: (current?.count ?? 0) + 1 }))}
          />
        ))
      )}
      {others.length > 0 ? (
        <nav aria-labelledby="other-domains-heading">
          <h2 id="other-domains-heading" className="nhsuk-heading-m">
            Your other domains below level 5
          </h2>
          <ul className="nhsuk-list">
            {others.map((d) => (
              <li key={d.id}>
                <Link to={peersPath(data.returnId, d.id)}>{d.title}</Link> – level {d.level}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

/** GET /returns/:id/peers?domain=: who meets what the trust lacks in one domain of its return. */
export function PeersPage() {
  const id = useParams()['id'] ?? '';
  const [search] = useSearchParams();
  const domain = search.get('domain') ?? '';
  const peers = usePeers(id, domain);
  useDocumentTitle(TITLE);
  if (peers.data) return <Peers data={peers.data} />;
  const error = peers.error;
  if (domain === '' || (error instanceof ApiRequestError && error.isValidationError)) {
    return (
      <>
        <h1>{TITLE}</h1>
        <p>Choose a domain from your return’s questionnaire or improvement plan to see who meets it.</p>
        <p>
          <Link to={returnPath(id)}>Go to the return</Link>
        </p>
      </>
    );
  }
  if (error instanceof ApiRequestError && error.isNotFound) {
    return (
      <NotFound>
        <p>There is no trust return at this address. Peer learning compares trusts’ returns.</p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </NotFound>
    );
  }
  if (error instanceof ApiRequestError && error.isForbidden) return <Forbidden />;
  return (
    <>
      <h1>{TITLE}</h1>
      {error ? <ApiErrorSummary error={error} /> : <LoadingMessage>Loading who meets it…</LoadingMessage>}
    </>
  );
}
