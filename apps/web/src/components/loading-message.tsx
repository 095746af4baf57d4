interface LoadingMessageProps {
  /** For example, "Loading organisations…". */
  children: string;
}

/** A polite status message shown while data loads, so screen readers hear that something is happening. */
export function LoadingMessage({ children }: LoadingMessageProps) {
  return (
    <p className="nhsuk-body" role="status">
      {children}
    </p>
  );
}
