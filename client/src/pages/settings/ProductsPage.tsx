import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { SettingsProductFieldsFragment } from '../../gql/graphql.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { Notice, type NoticeState } from './Notice.tsx';
import { ProductDialog } from './ProductDialog.tsx';
import { SettingsProductsQuery, SettingsSetProductActiveMutation } from './product-queries.ts';
import { useActionFailure } from './useFeedback.ts';

const PAGE_SIZE = 25;

type Editing = { mode: 'create' } | { mode: 'edit'; product: SettingsProductFieldsFragment } | null;

/**
 * `/settings/products`: the catalogue opportunity lines choose from. A product is deactivated
 * rather than deleted, so lines that name it keep it.
 */
export function ProductsPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const [searchInput, setSearchInput] = useState('');
  const search = useDebouncedValue(searchInput.trim(), 300);
  const [cursor, setCursor] = useState<{ after?: string; before?: string }>({});
  const variables = useMemo(
    () => ({ search: search || null, ...(cursor.before ? { last: PAGE_SIZE, before: cursor.before } : { first: PAGE_SIZE, after: cursor.after ?? null }) }),
    [search, cursor],
  );
  // A new product must appear although the cached page did not hold it.
  const context = useMemo(() => ({ additionalTypenames: ['Product'] }), []);
  const [{ data, error }] = useQuery({ query: SettingsProductsQuery, variables, requestPolicy: 'cache-and-network', context });
  const [{ fetching: switching }, setProductActive] = useMutation(SettingsSetProductActiveMutation);
  const actionFailure = useActionFailure();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const products = data?.products;

  async function setActive(product: SettingsProductFieldsFragment, active: boolean) {
    const result = await setProductActive({ id: product.id, active });
    const failure = actionFailure({ outcome: result.data?.setProductActive, error: result.error }, t('settings.products.notSaved'));
    setNotice(
      failure
        ? { text: failure, error: true }
        : { text: active ? t('settings.products.activated', { name: product.name }) : t('settings.products.deactivated', { name: product.name }) },
    );
  }

  return (
    <section aria-labelledby="products-title">
      <div className="page-header">
        <div>
          <h1 id="products-title">{t('settings.products.title')}</h1>
          <p className="muted">{t('settings.products.intro')}</p>
        </div>
        <div className="page-header__actions">
          <button type="button" className="button button--primary" onClick={() => setEditing({ mode: 'create' })}>
            {t('settings.products.new')}
          </button>
        </div>
      </div>
      <div className="toolbar settings-toolbar">
        <label htmlFor="product-search" className="visually-hidden">
          {t('settings.products.search')}
        </label>
        <input
          id="product-search"
          className="input toolbar__search"
          type="search"
          placeholder={t('settings.products.search')}
          value={searchInput}
          onChange={(event) => {
            setSearchInput(event.target.value);
            setCursor({});
          }}
        />
        {products && (
          <span className="toolbar__count" aria-live="polite">
            {t('settings.products.count', { count: products.totalCount, formatted: formats.number(products.totalCount) })}
          </span>
        )}
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {error && !data && <QueryError error={error} />}
      {!data && !error && <Loading what={t('settings.products.title')} />}
      {products && products.edges.length === 0 && <p className="empty">{search ? t('settings.products.noMatch') : t('settings.products.none')}</p>}
      {products && products.edges.length > 0 && (
        <div className="table-wrap">
          <table className="table table--cards" data-testid="products-table">
            <thead>
              <tr>
                <th scope="col">{t('settings.products.field.name')}</th>
                <th scope="col">{t('settings.products.field.sku')}</th>
                <th scope="col">{t('settings.products.field.unit')}</th>
                <th scope="col" className="numeric">
                  {t('settings.products.field.unitPrice')}
                </th>
                <th scope="col">{t('settings.products.field.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {products.edges.map(({ node: product }) => (
                <tr key={product.id} data-product={product.sku} className={product.active ? undefined : 'settings-row--inactive'}>
                  <td className="table__card-title table__primary">{product.name}</td>
                  <td data-label={t('settings.products.field.sku')}>
                    <code>{product.sku}</code>
                  </td>
                  <td data-label={t('settings.products.field.unit')}>{product.unit}</td>
                  <td data-label={t('settings.products.field.unitPrice')} className="numeric">
                    {formats.money(product.unitPrice)}
                  </td>
                  <td data-label={t('settings.products.field.status')}>
                    <span className={`status ${product.active ? 'status--customer' : 'status--inactive'}`}>
                      {product.active ? t('settings.products.active') : t('settings.products.inactive')}
                    </span>
                  </td>
                  <td data-label={t('common.actions')}>
                    <div className="settings-actions">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('common.editNamed', { name: product.name })}
                        onClick={() => setEditing({ mode: 'edit', product })}
                      >
                        {t('common.edit')}
                      </button>
                      <button type="button" className="button button--ghost button--small" disabled={switching} onClick={() => setActive(product, !product.active)}>
                        {product.active ? t('settings.products.deactivate') : t('settings.products.activate')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {products && (
        <Pager label={t('settings.products.pages')} pageInfo={products.pageInfo} onPrevious={(before) => setCursor({ before })} onNext={(after) => setCursor({ after })} />
      )}
      {editing && (
        <ProductDialog
          product={editing.mode === 'edit' ? editing.product : undefined}
          onClose={() => setEditing(null)}
          onSaved={(name, created) => {
            setEditing(null);
            setNotice({ text: created ? t('settings.products.created', { name }) : t('settings.products.saved', { name }) });
          }}
        />
      )}
    </section>
  );
}
