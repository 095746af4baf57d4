import { useEffect, useState, type ReactNode } from 'react';

/** The parts of a page waiting to be rendered, in the order they asked (the page's order). */
const waiting: Array<() => void> = [];
let running = false;

/** Renders the next waiting part, then lets the browser paint and handle input before the one after. */
function renderNext(): void {
  const show = waiting.shift();
  if (!show) {
    running = false;
    return;
  }
  show();
  setTimeout(renderNext, 0);
}

/** Once the page has been painted: a frame callback runs just before a paint, a task queued from it after. */
function afterPaint(callback: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    callback();
  };
  // A hidden tab gets no frames: the timer renders the parts anyway.
  setTimeout(once, 100);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
}

function enqueue(show: () => void): () => void {
  waiting.push(show);
  if (!running) {
    running = true;
    afterPaint(renderNext);
  }
  return () => {
    const at = waiting.indexOf(show);
    if (at >= 0) waiting.splice(at, 1);
  };
}

/**
 * A part of a long page that is rendered just after the first paint, each part in a task of its own,
 * in the page's order: the top of the page shows sooner, and a phone stays responsive while the rest
 * is built. Once rendered it stays, and is found by find-in-page and screen readers like the rest.
 * Until then an empty block stands in, tall enough to keep the footer out of the first screen.
 */
export function RenderLater({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => (shown ? undefined : enqueue(() => setShown(true))), [shown]);
  return shown ? <>{children}</> : <div className="wgll-render-later" />;
}
