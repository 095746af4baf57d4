import { Button, Radios } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import { careSettingLabels, careSettings } from '../../../lib/format';

interface CareSettingFormProps {
  /** The care setting in the address ('' for all), possibly one the API rejected. */
  careSetting: string;
  error?: string;
}

/**
 * A GET form that narrows the reader to one care setting, kept in the address as `?careSetting=`
 * so the view can be shared and Back returns to the previous one.
 */
export function CareSettingForm({ careSetting, error }: CareSettingFormProps) {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [value, setValue] = useState(careSetting);
  const [shown, setShown] = useState(careSetting);

  // When the address changes (for example after Back), show its care setting.
  if (shown !== careSetting) {
    setShown(careSetting);
    setValue(careSetting);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams(searchParams);
    if (value) next.set('careSetting', value);
    else next.delete('careSetting');
    const search = next.toString();
    // The form is part-way down the page: stay there, where the status message says what changed.
    void navigate({ search: search ? `?${search}` : '' }, { preventScrollReset: true });
  }

  return (
    <form method="get" noValidate onSubmit={handleSubmit} className="wgll-filters">
      <Radios
        name="careSetting"
        legend="Show the domains for"
        legendProps={{ size: 's' }}
        hint="A trust answers the domains for each care setting it runs."
        error={error}
        inline
        small
      >
        <Radios.Item id="careSetting" value="" checked={value === ''} onChange={() => setValue('')}>
          All care settings
        </Radios.Item>
        {careSettings.map((setting) => (
          <Radios.Item
            key={setting}
            id={`careSetting-${setting}`}
            value={setting}
            checked={value === setting}
            onChange={() => setValue(setting)}
          >
            {careSettingLabels[setting]}
          </Radios.Item>
        ))}
      </Radios>
      <Button type="submit" secondary>
        Show domains
      </Button>
    </form>
  );
}
