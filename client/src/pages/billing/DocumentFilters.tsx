import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { AccountPicker } from '../../components/opportunity/AccountPicker.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useQueryParams } from '../../hooks/useQueryParams.ts';
import { DocumentFilterOptionsQuery } from './billing-queries.ts';
import { DATE_FIELDS, STATUSES, type DocumentKind } from './billing-labels.ts';

const KEYS = ['q', 'status', 'dateField', 'from', 'to', 'owner', 'team', 'account', 'accountName', 'overdue'] as const;

/**
 * The list filters live in the URL (shareable, back button), and become the API's filter input.
 * Changing one starts paging over.
 */
export function useDocumentFilters(kind: DocumentKind) {
  const [params, setParams] = useQueryParams();
  const get = (key: (typeof KEYS)[number]) => params.get(key) ?? '';
  const filter = {
    search: get('q') || null,
    statuses: get('status') ? [get('status')] : null,
    dateField: get('dateField') || null,
    dateFrom: get('from') || null,
    dateTo: get('to') || null,
    ownerIds: get('owner') ? [get('owner')] : null,
    teamIds: get('team') ? [get('team')] : null,
    accountId: get('account') || null,
    ...(kind === 'INVOICE' && get('overdue') === '1' ? { overdue: true } : {}),
  };
  function set(patch: Partial<Record<(typeof KEYS)[number], string>>) {
    setParams((latest) => {
      const next = new URLSearchParams();
      for (const key of KEYS) {
        const value = key in patch ? patch[key] : latest.get(key);
        if (value) next.set(key, value);
      }
      return next;
    }, { replace: true });
  }
  const cursor = { after: params.get('after'), before: params.get('before') };
  function page(to: { after?: string; before?: string }) {
    setParams((latest) => {
      latest.delete('after');
      latest.delete('before');
      for (const [key, value] of Object.entries(to)) if (value) latest.set(key, value);
      return latest;
    });
  }
  return { filter, get, set, cursor, page };
}

type Filters = ReturnType<typeof useDocumentFilters>;

export function DocumentFilters({ kind, filters }: { kind: DocumentKind; filters: Filters }) {
  const { t } = useTranslation();
  const { get, set } = filters;
  const [{ data: options }] = useQuery({ query: DocumentFilterOptionsQuery });
  const [search, setSearch] = useState(get('q'));
  const debounced = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if (debounced !== get('q')) set({ q: debounced });
    // Only typing changes the search.
  }, [debounced]);
  const id = (name: string) => `${kind.toLowerCase()}-filter-${name}`;
  return (
    <form className="filters" role="search" aria-label={t('billing.filters.label')} onSubmit={(event) => event.preventDefault()}>
      <div className="filters__field">
        <label htmlFor={id('search')}>{t('billing.filters.search')}</label>
        <input id={id('search')} className="input" type="search" placeholder={t('billing.filters.searchPlaceholder')} value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <div className="filters__field">
        <label htmlFor={id('status')}>{t('billing.filters.status')}</label>
        <select id={id('status')} className="input" value={get('status')} onChange={(event) => set({ status: event.target.value })}>
          <option value="">{t('billing.filters.anyStatus')}</option>
          {STATUSES[kind].map((status) => (
            <option key={status} value={status}>
              {t(`billing.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor={id('date-field')}>{t('billing.filters.dateField')}</label>
        <select id={id('date-field')} className="input" value={get('dateField') || DATE_FIELDS[kind][0]} onChange={(event) => set({ dateField: event.target.value })}>
          {DATE_FIELDS[kind].map((field) => (
            <option key={field} value={field}>
              {t(`billing.dateField.${field}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor={id('from')}>{t('billing.filters.from')}</label>
        <input id={id('from')} className="input" type="date" value={get('from')} onChange={(event) => set({ from: event.target.value })} />
      </div>
      <div className="filters__field">
        <label htmlFor={id('to')}>{t('billing.filters.to')}</label>
        <input id={id('to')} className="input" type="date" value={get('to')} onChange={(event) => set({ to: event.target.value })} />
      </div>
      <div className="filters__field">
        <label htmlFor={id('owner')}>{t('billing.filters.owner')}</label>
        <select id={id('owner')} className="input" value={get('owner')} onChange={(event) => set({ owner: event.target.value })}>
          <option value="">{t('billing.filters.anyone')}</option>
          {options?.users
            .filter((user) => user.role !== 'SERVICE')
            .map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor={id('team')}>{t('billing.filters.team')}</label>
        <select id={id('team')} className="input" value={get('team')} onChange={(event) => set({ team: event.target.value })}>
          <option value="">{t('billing.filters.anyTeam')}</option>
          {options?.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field filters__field--wide">
        <AccountPicker
          id={id('account')}
          label={t('billing.filters.account')}
          value={get('account') ? { id: get('account'), name: get('accountName') } : null}
          onChange={(account) => set({ account: account?.id ?? '', accountName: account?.name ?? '' })}
        />
      </div>
      {kind === 'INVOICE' && (
        <label className="filters__check">
          <input type="checkbox" checked={get('overdue') === '1'} onChange={(event) => set({ overdue: event.target.checked ? '1' : '' })} /> {t('billing.filters.overdue')}
        </label>
      )}
      <button type="button" className="button button--ghost" onClick={() => set(Object.fromEntries(KEYS.map((key) => [key, ''])))}>
        {t('billing.filters.reset')}
      </button>
    </form>
  );
}
