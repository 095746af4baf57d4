import type { IcsListItem, RegionSummary } from '@wgll/contracts';
import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { useIcsList } from '../../../lib/api/ics-api';
import { useRegions } from '../../../lib/api/regions-api';
import { isIsoDate, todayIso } from '../../../lib/dates';
import { isTrustType, readableName, trustTypeLabels, trustTypes } from '../../../lib/format';
import type { DirectorySearch } from '../directory-search';

interface OrganisationSearchFormProps {
  /** The search in the address bar; the form starts from it. */
  search: DirectorySearch;
  /** Called with the new search (page 1) when the form is submitted. */
  onSearch: (search: DirectorySearch) => void;
  /** Messages for fields, from the API or the form's own checks. */
  fieldErrors?: Partial<Record<'q' | 'region' | 'ics' | 'type' | 'at', string>>;
}

function icsOptionsFor(items: IcsListItem[] | undefined, region: string): IcsListItem[] {
  const inRegion = region ? (items ?? []).filter((item) => item.region?.odsCode === region) : (items ?? []);
  return [...inRegion].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * The directory's search form. It is a real GET form: submitting it (with Enter or the button)
 * puts the search into the address, so results can be shared and Back works.
 */
export function OrganisationSearchForm({ search, onSearch, fieldErrors = {} }: OrganisationSearchFormProps) {
  const [q, setQ] = useState(search.q);
  const [region, setRegion] = useState(search.region);
  const [ics, setIcs] = useState(search.ics);
  const [type, setType] = useState<string>(search.type);
  const [at, setAt] = useState(search.at || todayIso());
  const [includeClosed, setIncludeClosed] = useState(search.includeClosed);
  const [dateError, setDateError] = useState<string>();

  const regions = useRegions();
  // The ICS list follows the date in the form, so the choices are the ICSs that existed then.
  const icsList = useIcsList(isIsoDate(at) ? at : undefined);
  const icsOptions = icsOptionsFor(icsList.data?.items, region);
  const selectedIcsMissing =
    ics !== '' && icsList.isSuccess && !icsOptions.some((item) => item.odsCode === ics);

  function handleRegionChange(value: string) {
    setRegion(value);
    // An ICS from another region would leave no results: clear it.
    const selected = icsList.data?.items.find((item) => item.odsCode === ics);
    if (value && selected && selected.region?.odsCode !== value) setIcs('');
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (at && !isIsoDate(at)) {
      setDateError('Enter a real date, for example 31 March 2026');
      return;
    }
    setDateError(undefined);
    onSearch({
      q: q.trim(),
      region,
      ics,
      type: isTrustType(type) ? type : '',
      at: at && at !== todayIso() ? at : '',
      includeClosed,
      page: 1,
    });
  }

  return (
    <form method="get" action="/organisations" noValidate onSubmit={handleSubmit} className="wgll-filters">
      <TextInput
        id="q"
        name="q"
        type="search"
        label="Name or ODS code"
        labelProps={{ size: 's' }}
        hint="For example, Guy's and St Thomas' or RJ1"
        autoComplete="off"
        spellCheck={false}
        value={q}
        error={fieldErrors.q}
        onChange={(event) => setQ(event.target.value)}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <Select
            id="region"
            name="region"
            label="Region"
            labelProps={{ size: 's' }}
            className="wgll-select-full"
            value={region}
            error={fieldErrors.region}
            onChange={(event) => handleRegionChange(event.target.value)}
          >
            <option value="">All regions</option>
            {(regions.data ?? []).map((item: RegionSummary) => (
              <option key={item.odsCode} value={item.odsCode}>
                {item.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <Select
            id="ics"
            name="ics"
            label="Integrated care system (ICS)"
            labelProps={{ size: 's' }}
            className="wgll-select-full"
            value={ics}
            error={fieldErrors.ics}
            onChange={(event) => setIcs(event.target.value)}
          >
            <option value="">{icsList.isPending ? 'Loading ICSs…' : 'All ICSs'}</option>
            {icsOptions.map((item) => (
              <option key={item.odsCode} value={item.odsCode}>
                {readableName(item.name)} ({item.odsCode})
              </option>
            ))}
            {selectedIcsMissing ? <option value={ics}>{ics} (not open on this date)</option> : null}
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <Select
            id="type"
            name="type"
            label="Trust type"
            labelProps={{ size: 's' }}
            className="wgll-select-full"
            value={type}
            error={fieldErrors.type}
            onChange={(event) => setType(event.target.value)}
          >
            <option value="">All types</option>
            {trustTypes.map((value) => (
              <option key={value} value={value}>
                {trustTypeLabels[value]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <TextInput
            id="at"
            name="at"
            type="date"
            label="Show the organisations on"
            labelProps={{ size: 's' }}
            hint="Today unless you choose another date"
            width={10}
            value={at}
            error={dateError ?? fieldErrors.at}
            onChange={(event) => setAt(event.target.value)}
          />
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-form-group">
            <div className="nhsuk-checkboxes nhsuk-checkboxes--small wgll-checkbox-offset">
              <div className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id="includeClosed"
                  name="includeClosed"
                  type="checkbox"
                  value="true"
                  checked={includeClosed}
                  onChange={(event) => setIncludeClosed(event.target.checked)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="includeClosed">
                  Include closed organisations
                </label>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="nhsuk-button-group">
        <Button type="submit">Search</Button>
        <Link to="/organisations" className="nhsuk-link">
          Clear search
        </Link>
      </div>
    </form>
  );
}
