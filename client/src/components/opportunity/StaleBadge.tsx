/** The "deals without activity" warning of an open opportunity. */
export function StaleBadge({ days }: { days: number }) {
  const text = days === 1 ? 'No activity for 1 day' : `No activity for ${days} days`;
  return (
    <span className="stale-badge" title={text}>
      <span aria-hidden="true">⚠ </span>
      {text}
    </span>
  );
}
