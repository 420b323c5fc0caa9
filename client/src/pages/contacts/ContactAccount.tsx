import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../lib/paths.ts';

interface Props {
  contact: { accountId?: string | null; account?: { id: string; name: string } | null };
}

/** A contact's account: a link, "account of another team" when it may not be read, or nothing. */
export function ContactAccount({ contact }: Props) {
  const { t } = useTranslation();
  if (contact.account) return <Link to={paths.account(contact.account.id)}>{contact.account.name}</Link>;
  if (contact.accountId) return <span className="muted">{t('common.restrictedAccount')}</span>;
  return <span className="muted">{t('contacts.noAccount')}</span>;
}
