import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="empty">
      <h1>Page not found</h1>
      <p>
        <Link to="/accounts">Go to the accounts</Link>
      </p>
    </div>
  );
}
