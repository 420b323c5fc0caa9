import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="empty">
      <h1>{t('layout.notFound.title')}</h1>
      <p>
        <Link to="/accounts">{t('layout.notFound.back')}</Link>
      </p>
    </div>
  );
}
