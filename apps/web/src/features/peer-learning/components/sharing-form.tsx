import type { PeerSharing } from '@wgll/contracts';
import { Button, Checkboxes, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { careSettingLabels } from '../../../lib/format';
import { apiFieldErrors, errorFor, type FormError } from '../../../lib/form-errors';
import { useSavePeerSharing } from '../api/peer-learning-api';

const ids = {
  named: 'sharing-named',
  team: 'sharing-team',
  name: 'sharing-contact-name',
  role: 'sharing-contact-role',
  email: 'sharing-contact-email',
  consent: 'sharing-consent',
  evidence: 'sharing-evidence',
};

interface Values {
  named: boolean;
  name: string;
  role: string;
  email: string;
  consent: boolean;
  evidence: string[];
  notes: Record<string, string>;
}

function valuesOf(sharing: PeerSharing): Values {
  return {
    named: sharing.named,
    name: sharing.contact?.name ?? '',
    role: sharing.contact?.role ?? '',
    email: sharing.contact?.email ?? '',
    consent: sharing.contactConsent,
    evidence: sharing.shareableEvidenceIds,
    notes: Object.fromEntries(sharing.notes.map((n) => [n.domainId, n.note])),
  };
}

/** The trust lead's form: named or not, the contact, the shareable evidence titles and the notes. */
export function SharingForm({ sharing, onSaved }: { sharing: PeerSharing; onSaved: () => void }) {
  const save = useSavePeerSharing(sharing.organisation.odsCode);
  const [values, setValues] = useState<Values>(() => valuesOf(sharing));
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const set = (change: Partial<Values>) => setValues((current) => ({ ...current, ...change }));
  const domainIndex = new Map(sharing.domains.map((d, i) => [d.id, i]));
  const notes = sharing.domains
    .map((d) => ({ domainId: d.id, note: (values.notes[d.id] ?? '').trim() }))
    .filter((n) => n.note !== '');
  const fieldIds: Record<string, string> = {
    contact: ids.name,
    'contact.name': ids.name,
    'contact.role': ids.role,
    'contact.email': ids.email,
    contactConsent: ids.consent,
    shareableEvidenceIds: ids.evidence,
    ...Object.fromEntries(notes.map((n, i) => [`notes.${i}.note`, `sharing-note-${n.domainId}`])),
  };
  const errors = [...checkErrors, ...apiFieldErrors(save.error, fieldIds)];
  const anyContact = values.name.trim() !== '' || values.role.trim() !== '' || values.email.trim() !== '';

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found: FormError[] = [];
    if (values.named || anyContact) {
      if (!values.name.trim()) found.push({ id: ids.name, message: 'Enter the contact’s name' });
      if (!values.role.trim()) found.push({ id: ids.role, message: 'Enter the contact’s role' });
      if (!values.email.trim()) found.push({ id: ids.email, message: 'Enter the contact’s e-mail address' });
    }
    if (values.named && !values.consent) {
      found.push({
        id: ids.consent,
        message: 'Confirm the contact agreed to be contacted by other NHS organisations',
      });
    }
    setCheckErrors(found);
    if (found.length > 0) return;
    save.mutate(
      {
        baseVersion: sharing.version,
        named: values.named,
        contact: anyContact
          ? { name: values.name.trim(), role: values.role.trim(), email: values.email.trim() }
          : null,
        contactConsent: values.consent,
        notes: notes.sort((a, b) => domainIndex.get(a.domainId)! - domainIndex.get(b.domainId)!),
        shareableEvidenceIds: values.evidence,
      },
      { onSuccess: onSaved },
    );
  }

  const measures = [...new Set(sharing.domains.map((d) => d.measure))];
  return (
    <>
      {save.isError && save.error && errors.length === 0 ? (
        <ApiErrorSummary key={`api-${attempt}`} error={save.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} />
      <form method="post" noValidate onSubmit={handleSubmit}>
        <Checkboxes name="named" legend="Peer learning" legendProps={{ size: 'm' }}>
          <Checkboxes.Item
            id={ids.named}
            value="yes"
            checked={values.named}
            onChange={(event) => set({ named: event.target.checked })}
            hint="Other organisations see your name, the contact, your notes and the evidence titles you choose, beside the elements you meet."
          >
            Name our organisation to others for peer learning
          </Checkboxes.Item>
        </Checkboxes>

        <h2 className="nhsuk-heading-m">Contact</h2>
        <p>Someone other organisations may e-mail about how you met an element. Ask them first.</p>
        {sharing.team.length > 0 ? (
          <Select
            id={ids.team}
            name="team"
            label="Choose someone from your team (optional)"
            labelProps={{ size: 's' }}
            hint="Fills in their name and e-mail address. Anyone else: type their details below."
            value=""
            onChange={(event) => {
              const person = sharing.team.find((p) => p.id === event.target.value);
              if (person) set({ name: person.displayName.replace(/ \(demo\)$/, ''), email: person.email });
            }}
          >
            <option value="">Choose a person</option>
            {sharing.team.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </Select>
        ) : null}
        <TextInput
          id={ids.name}
          name="contactName"
          label="Name"
          labelProps={{ size: 's' }}
          autoComplete="off"
          value={values.name}
          error={errorFor(errors, ids.name)}
          onChange={(event) => set({ name: event.target.value })}
        />
        <TextInput
          id={ids.role}
          name="contactRole"
          label="Role"
          labelProps={{ size: 's' }}
          hint="For example, Chief Clinical Information Officer"
          autoComplete="off"
          value={values.role}
          error={errorFor(errors, ids.role)}
          onChange={(event) => set({ role: event.target.value })}
        />
        <TextInput
          id={ids.email}
          name="contactEmail"
          type="email"
          label="E-mail address"
          labelProps={{ size: 's' }}
          autoComplete="off"
          spellCheck={false}
          value={values.email}
          error={errorFor(errors, ids.email)}
          onChange={(event) => set({ email: event.target.value })}
        />
        <Checkboxes name="consent" error={errorFor(errors, ids.consent)}>
          <Checkboxes.Item
            id={ids.consent}
            value="yes"
            checked={values.consent}
            onChange={(event) => set({ consent: event.target.checked })}
          >
            This person agreed to be contacted by other NHS organisations about our answers
          </Checkboxes.Item>
        </Checkboxes>

        <h2 className="nhsuk-heading-m">Evidence titles to share</h2>
        {sharing.evidence.length === 0 ? (
          <p id={ids.evidence}>
            Your newest sealed returns have no evidence yet. Once a return with evidence is submitted, you can
            choose here which titles others may see.
          </p>
        ) : (
          <Checkboxes
            id={ids.evidence}
            name="evidence"
            legend="Which evidence titles may other organisations see?"
            legendProps={{ size: 's' }}
            hint="Only the title, beside the domains whose answers cite it. The files and links stay private."
            error={errorFor(errors, ids.evidence)}
          >
            {sharing.evidence.map((item) => (
              <Checkboxes.Item
                key={item.id}
                id={`${ids.evidence}-${item.id}`}
                value={item.id}
                checked={values.evidence.includes(item.id)}
                hint={`${careSettingLabels[item.careSetting]} return, ${item.cycleName}`}
                onChange={(event) =>
                  set({
                    evidence: event.target.checked
                      ? [...values.evidence, item.id]
                      : values.evidence.filter((e) => e !== item.id),
                  })
                }
              >
                {item.title}
              </Checkboxes.Item>
            ))}
          </Checkboxes>
        )}

        <h2 className="nhsuk-heading-m">How we did it</h2>
        {sharing.domains.length === 0 ? (
          <p>Once a return is submitted, you can write a short note for each of its domains here.</p>
        ) : (
          <>
            <p>A short note per domain on how you met its elements (at most 1,000 characters each).</p>
            {measures.map((measure) => {
              const domains = sharing.domains.filter((d) => d.measure === measure);
              const written = domains.filter((d) => (values.notes[d.id] ?? '').trim() !== '').length;
              return (
                <details key={measure} className="nhsuk-details" open={written > 0 || undefined}>
                  <summary className="nhsuk-details__summary">
                    <span className="nhsuk-details__summary-text">
                      {measureLabel(measure)}
                      {written > 0 ? ` (${written} written)` : ''}
                    </span>
                  </summary>
                  <div className="nhsuk-details__text">
                    {domains.map((d) => (
                      <Textarea
                        key={d.id}
                        id={`sharing-note-${d.id}`}
                        name={`note-${d.id}`}
                        label={d.title}
                        labelProps={{ size: 's' }}
                        rows={3}
                        maxLength={1000}
                        value={values.notes[d.id] ?? ''}
                        error={errorFor(errors, `sharing-note-${d.id}`)}
                        onChange={(event) => set({ notes: { ...values.notes, [d.id]: event.target.value } })}
                      />
                    ))}
                  </div>
                </details>
              );
            })}
          </>
        )}
        <Button type="submit" disabled={save.isPending}>
          Save the sharing setting
        </Button>
      </form>
    </>
  );
}

function measureLabel(measure: string): string {
  const text = measure.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
