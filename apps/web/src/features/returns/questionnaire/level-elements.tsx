import type { DomainLevel, FrameworkDomain, FrameworkElement } from '@wgll/framework';
import { useState } from 'react';

import { domainIds, elementInputId } from './field-ids';

/**
 * The guidance and evidence of a level's elements, closed by default: one disclosure per level rather
 * than one per element, so a domain has few tab stops besides its checkboxes. Its text is rendered
 * when it is first opened: a measure shows up to 19 domains of 4 levels, and the page appears sooner
 * without them.
 */
function LevelGuidance({ level }: { level: DomainLevel }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="nhsuk-details wgll-element-details"
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Guidance and evidence for level {level.level}</span>
      </summary>
      <div className="nhsuk-details__text">
        {opened
          ? level.elements.map((element: FrameworkElement) => (
              <div key={element.id} className="wgll-element-guidance">
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                  <strong>{element.text}</strong>
                </p>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{element.guidance}</p>
                <p className="nhsuk-body-s">
                  <strong>Evidence that would show it:</strong> {element.evidence}
                </p>
              </div>
            ))
          : null}
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
  planDone: ReadonlySet<string> | undefined;
  onToggle: (elementId: string, checked: boolean) => void;
}

function LevelFieldset({ domainId, level, met, disabled, errorId, planDone, onToggle }: LevelFieldsetProps) {
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
            // The improvement plan's action for it is done: a hint, never a tick.
            const flagged = planDone?.has(element.id) === true && !met.has(element.id);
            return (
              <div key={element.id} className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id={id}
                  type="checkbox"
                  value={element.id}
                  checked={met.has(element.id)}
                  disabled={disabled}
                  aria-describedby={flagged ? `${id}-plan` : undefined}
                  onChange={(event) => onToggle(element.id, event.target.checked)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                  {element.text}
                </label>
                {flagged ? (
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-plan`}>
                    Your plan says this is done: tick it if it is met
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
        <LevelGuidance level={level} />
      </fieldset>
    </div>
  );
}

interface LevelElementsProps {
  domain: FrameworkDomain;
  met: readonly string[];
  notApplicable: boolean;
  noneMet: boolean;
  error: string | undefined;
  noneMetError: string | undefined;
  /** Elements whose improvement plan action is done but which are not ticked. */
  planDone?: ReadonlySet<string>;
  onToggle: (elementId: string, checked: boolean) => void;
  onNoneMet: (checked: boolean) => void;
}

interface NoneMetFieldProps {
  domainId: string;
  checked: boolean;
  disabled: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}

/**
 * "None of these is met yet": the third way to answer a domain (with ticking an element and "not
 * applicable"). Like the NHS design system's exclusive "none" option, choosing it unticks the
 * elements, and ticking an element takes it away.
 */
function NoneMetField({ domainId, checked, disabled, error, onChange }: NoneMetFieldProps) {
  const id = domainIds(domainId).noneMet;
  const describedBy = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      {error ? (
        <p className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
        <div className="nhsuk-checkboxes__divider">or</div>
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={id}
            type="checkbox"
            checked={checked}
            disabled={disabled}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.checked)}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            None of these is met yet
          </label>
          <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>
            Answers the domain at level 1. A comment or a confidence alone does not answer it.
          </div>
        </div>
      </div>
    </div>
  );
}

/** The level ladder as the question: each element of levels 2 to 5 is a checkbox, ticked when met. */
export function LevelElements({
  domain,
  met,
  notApplicable,
  noneMet,
  error,
  noneMetError,
  planDone,
  onToggle,
  onNoneMet,
}: LevelElementsProps) {
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
            planDone={planDone}
            onToggle={onToggle}
          />
        ))}
      <NoneMetField
        domainId={domain.id}
        checked={noneMet && !notApplicable && met.length === 0}
        disabled={notApplicable}
        error={noneMetError}
        onChange={onNoneMet}
      />
    </div>
  );
}
