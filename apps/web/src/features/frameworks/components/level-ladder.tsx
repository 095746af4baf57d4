import type { DomainLevel, FrameworkDomain } from '@wgll/framework';
import { Details } from 'nhsuk-react-components';

/** "To reach level 3, all 3 of these must be met, as well as every element of level 2:" */
function gateSentence(level: DomainLevel): string {
  const count = level.elements.length;
  const which =
    count === 1
      ? 'this must be met'
      : count === 2
        ? 'both of these must be met'
        : `all ${count} of these must be met`;
  const below =
    level.level === 2
      ? ''
      : level.level === 3
        ? ', as well as every element of level 2'
        : `, as well as every element of levels 2 to ${level.level - 1}`;
  return `To reach level ${level.level}, ${which}${below}:`;
}

function LevelStep({ level }: { level: DomainLevel }) {
  return (
    <li className="wgll-level">
      <h4 className="wgll-level__heading">Level {level.level}</h4>
      <p className="wgll-level__descriptor">{level.descriptor}</p>
      {level.level === 1 || level.elements.length === 0 ? (
        <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
          {level.level === 1 ? 'Every domain starts here. There is nothing to meet.' : 'No elements.'}
        </p>
      ) : (
        <>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{gateSentence(level)}</p>
          <ul className="nhsuk-list nhsuk-list--border wgll-element-list">
            {level.elements.map((element) => (
              <li key={element.id} className="wgll-element">
                <p className="wgll-element__text">{element.text}</p>
                <p className="nhsuk-body-s wgll-element__guidance">{element.guidance}</p>
                <p className="nhsuk-body-s wgll-element__evidence">
                  <strong>Evidence:</strong> {element.evidence}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

/** A domain's 5 levels, in an expander so a page of 40 or more domains stays readable. */
export function LevelLadder({ domain }: { domain: FrameworkDomain }) {
  return (
    <Details expander className="wgll-ladder">
      <Details.Summary>
        Levels 1 to 5<span className="nhsuk-u-visually-hidden"> for {domain.title}</span>
      </Details.Summary>
      <Details.Text>
        <ol className="wgll-level-list">
          {domain.levels.map((level) => (
            <LevelStep key={level.level} level={level} />
          ))}
        </ol>
      </Details.Text>
    </Details>
  );
}
