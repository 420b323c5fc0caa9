import type { ReactNode } from 'react';

/** One labelled value of a record's details (inside `<dl className="details">`); a dash when empty. */
export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__item">
      <dt>{label}</dt>
      <dd>{children || <span className="muted">—</span>}</dd>
    </div>
  );
}
