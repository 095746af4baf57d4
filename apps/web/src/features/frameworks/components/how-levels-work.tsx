import { InsetText } from 'nhsuk-react-components';

/** The gating rule, said once, in plain English, near the top of the reader. */
export function HowLevelsWork() {
  return (
    <section aria-labelledby="how-levels-work-heading">
      <h2 id="how-levels-work-heading">How the levels work</h2>
      <p>
        Each domain has a ladder of 5 levels. Every domain starts at level 1. Levels 2 to 5 each list
        elements: statements that are either met or not, with the evidence that would show them.
      </p>
      <InsetText>
        <p>
          A domain reaches a level only when every element of that level, and of every level below it, is met.
          To be at level 3, for example, every level 2 element and every level 3 element must be met.
        </p>
      </InsetText>
      <p>
        Elements met at a higher level do not count until the levels below are complete. If one level 2
        element is not met, the domain stays at level 1, however much of levels 3 to 5 is met.
      </p>
    </section>
  );
}
