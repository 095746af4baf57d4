import type { DomainLevel, FrameworkDomain, FrameworkElement } from '@wgll/framework';

import { elementInputId } from './field-ids';

function ElementDetails({ element }: { element: FrameworkElement }) {
  return (
    <details className="nhsuk-details wgll-element-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Guidance and evidence<span className="nhsuk-u-visually-hidden"> for: {element.text}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <p className="nhsuk-body-s">{element.guidance}</p>
        <p className="nhsuk-body-s">
          <strong>Evidence that would show it:</strong> {element.evidence}
        </p>
      </div>
    </details>
  );
}

interface LevelFieldsetProps {
  domainId: string;
  level: DomainLevel;
  met: ReadonlySet<string>;
  disabled: boolean;
  errorId: string | undefined;
  onToggle: (elementId: string, checked: boolean) => void;
}

function LevelFieldset({ domainId, level, met, disabled, errorId, onToggle }: LevelFieldsetProps) {
  const descriptorId = `domain-${domainId}-level-${level.level}-descriptor`;
  return (
    <div className="nhsuk-form-group wgll-level-answer">
      <fieldset
        className="nhsuk-fieldset"
        aria-describedby={errorId ? `${descriptorId} ${errorId}` : descriptorId}
      >
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Level {level.level}</legend>
        <div className="nhsuk-hint" id={descriptorId}>
          {level.descriptor}
        </div>
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          {level.elements.map((element) => {
            const id = elementInputId(element.id);
            return (
              <div key={element.id} className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id={id}
                  type="checkbox"
                  value={element.id}
                  checked={met.has(element.id)}
                  disabled={disabled}
                  onChange={(event) => onToggle(element.id, event.target.checked)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                  {element.text}
                </label>
                <div className="wgll-checkbox-extra">
                  <ElementDetails element={element} />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

interface LevelElementsProps {
  domain: FrameworkDomain;
  met: readonly string[];
  notApplicable: boolean;
  error: string | undefined;
  onToggle: (elementId: string, checked: boolean) => void;
}

/** The level ladder as the question: each element of levels 2 to 5 is a checkbox, ticked when met. */
export function LevelElements({ domain, met, notApplicable, error, onToggle }: LevelElementsProps) {
  const metSet = new Set(met);
  const levelOne = domain.levels.find((level) => level.level === 1);
  const errorId = `domain-${domain.id}-met-error`;
  return (
    <div className={error ? 'wgll-levels nhsuk-form-group--error' : 'wgll-levels'}>
      <h3 className="nhsuk-heading-s">Which elements are met?</h3>
      <p className="nhsuk-body-s">
        Tick each element your organisation meets now. A level counts only when every element of it, and of
        every level below it, is met.
        {notApplicable ? ' This domain is marked not applicable, so its elements are not used.' : ''}
      </p>
      {error ? (
        <p className="nhsuk-error-message" id={errorId}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {levelOne ? (
        <p className="nhsuk-body-s wgll-level-one">
          <strong>Level 1:</strong> {levelOne.descriptor} Every domain starts here.
        </p>
      ) : null}
      {domain.levels
        .filter((level) => level.level > 1 && level.elements.length > 0)
        .map((level) => (
          <LevelFieldset
            key={level.level}
            domainId={domain.id}
            level={level}
            met={metSet}
            disabled={notApplicable}
            errorId={error ? errorId : undefined}
            onToggle={onToggle}
          />
        ))}
    </div>
  );
}
