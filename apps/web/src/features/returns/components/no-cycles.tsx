import { InsetText } from 'nhsuk-react-components';

/** When no assessment cycle exists yet, nothing can be started. */
export function NoCycles() {
  return (
    <InsetText>
      <p>There are no assessment cycles yet. A national administrator sets up each cycle and its dates.</p>
    </InsetText>
  );
}
