import { heatShades } from '../heat-shades';

/** The key to the shades, in words as well as colour. */
export function HeatKey() {
  return (
    <div className="wgll-heat-key">
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Shading: darker for higher scores.</p>
      <ul className="wgll-heat-key__list">
        {heatShades.map((shade) => (
          <li key={shade.from} style={{ backgroundColor: shade.colour }}>
            {shade.from.toFixed(1)} to {shade.to.toFixed(1)}
          </li>
        ))}
      </ul>
    </div>
  );
}
