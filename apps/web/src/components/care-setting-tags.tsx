import type { CareSetting } from '@wgll/contracts';
import { Tag } from 'nhsuk-react-components';

import { careSettingLabels } from '../lib/format';

/** The DMA care settings a trust runs, as a list of tags; "None recorded" when there are none. */
export function CareSettingTags({ settings }: { settings: CareSetting[] }) {
  if (settings.length === 0) return <>None recorded</>;
  return (
    <ul className="wgll-tag-list">
      {settings.map((setting) => (
        <li key={setting}>
          <Tag modifier="blue">{careSettingLabels[setting]}</Tag>
        </li>
      ))}
    </ul>
  );
}
