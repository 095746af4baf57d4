import type { NamedPeer, PeerElement, PeerLearning } from '@wgll/contracts';
import { Button } from 'nhsuk-react-components';

import { readableName } from '../../../lib/format';
import { scopeLabel } from '../peer-labels';

interface NamedPeerCardProps {
  peer: NamedPeer;
  element: PeerElement;
  data: PeerLearning;
  /** Shown to the trust lead: adds "Learn from …" to the improvement plan. */
  onAdd?: () => void;
  busy: boolean;
  added: boolean;
}

/** An organisation that chose to be named: who to contact, how they did it, and what evidence they share. */
export function NamedPeerCard({ peer, element, data, onAdd, busy, added }: NamedPeerCardProps) {
  const name = readableName(peer.organisation.name);
  return (
    <li className="nhsuk-card nhsuk-u-margin-bottom-3">
      <div className="nhsuk-card__content">
        <h4 className="nhsuk-card__heading nhsuk-heading-s">{name}</h4>
        <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{scopeLabel(peer.scope, data)}</p>
        <dl className="nhsuk-summary-list nhsuk-u-margin-bottom-3">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Contact</dt>
            <dd className="nhsuk-summary-list__value">
              {peer.contact.name}, {peer.contact.role}
              <br />
              <a href={`mailto:${peer.contact.email}`}>{peer.contact.email}</a>
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">How we did it</dt>
            <dd className="nhsuk-summary-list__value">{peer.note ?? 'No note for this domain yet.'}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Evidence they share</dt>
            <dd className="nhsuk-summary-list__value">
              {peer.evidenceTitles.length === 0 ? (
                'None shared for this domain. Ask the contact.'
              ) : (
                <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
                  {peer.evidenceTitles.map((title) => (
                    <li key={title}>{title}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
        {onAdd ? (
          added ? (
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Added to your plan.</p>
          ) : (
            <Button type="button" secondary small disabled={busy} onClick={onAdd}>
              Add to our plan
              <span className="nhsuk-u-visually-hidden">
                : learn from {name} about “{element.text}”
              </span>
            </Button>
          )
        ) : null}
      </div>
    </li>
  );
}
