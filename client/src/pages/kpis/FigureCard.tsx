import { Link } from 'react-router';

interface Props {
  label: string;
  value: string;
  detail?: string;
  /** Where the records behind the figure are listed. */
  to?: string;
  /** A second part of the figure with records of their own (e.g. the open deals of a projection). */
  more?: { label: string; to: string };
  testId?: string;
}

/** One key figure; when a drill-down lists its records, it links to them. */
export function FigureCard({ label, value, detail, to, more, testId }: Props) {
  const body = (
    <>
      <span className="kpi-card__label">{label}</span>
      <strong className="kpi-card__value">{value}</strong>
      {detail ? <span className="kpi-card__detail">{detail}</span> : null}
    </>
  );
  return (
    <div className="kpi-card" data-testid={testId}>
      {to ? (
        <Link to={to} className="kpi-card__link">
          {body}
        </Link>
      ) : (
        body
      )}
      {more ? (
        <Link to={more.to} className="kpi-card__detail">
          {more.label}
        </Link>
      ) : null}
    </div>
  );
}
