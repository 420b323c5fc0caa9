import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { TextAreaField, TextField } from '../../components/fields.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import type { SettingsProductFieldsFragment } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { textOrNull } from '../../lib/field-errors.ts';
import { SettingsCreateProductMutation, SettingsUpdateProductMutation } from './product-queries.ts';
import { useFeedback } from './useFeedback.ts';

const FIELDS = ['sku', 'name', 'unit', 'unitPrice', 'description'] as const;

interface Props {
  product?: SettingsProductFieldsFragment;
  onClose(): void;
  onSaved(name: string, created: boolean): void;
}

/** A new product, or changes to one; a new price applies to new lines only. */
export function ProductDialog({ product, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const [sku, setSku] = useState(product?.sku ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [unit, setUnit] = useState(product?.unit ?? '');
  const [price, setPrice] = useState(formats.moneyInput(product?.unitPrice));
  const [description, setDescription] = useState(product?.description ?? '');
  const { feedback, setFeedback, accept } = useFeedback(FIELDS);
  const [{ fetching: creating }, createProduct] = useMutation(SettingsCreateProductMutation);
  const [{ fetching: updating }, updateProduct] = useMutation(SettingsUpdateProductMutation);
  const title = product ? t('common.editNamed', { name: product.name }) : t('settings.products.new');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const unitPrice = formats.parseMoney(price);
    if (unitPrice === undefined || unitPrice === null) {
      const example = formats.moneyInput('1234.5');
      setFeedback({ errors: { unitPrice: unitPrice === null ? t('errors.reason.REQUIRED') : t('errors.amountFormat', { example }) }, unplaced: [] });
      return;
    }
    const input = { sku, name, unit: textOrNull(unit) ?? undefined, unitPrice, description: textOrNull(description) };
    const result = product ? await updateProduct({ id: product.id, input }) : await createProduct({ input });
    const outcome = result.data && ('updateProduct' in result.data ? result.data.updateProduct : result.data.createProduct);
    if (accept({ outcome, error: result.error }, t('settings.products.notSaved')) && outcome && 'product' in outcome) onSaved(outcome.product.name, !product);
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label={title}>
        <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
        <TextField id="product-name" label={t('settings.products.field.name')} required value={name} onChange={setName} error={feedback.errors.name} autoFocus />
        <TextField id="product-sku" label={t('settings.products.field.sku')} required hint={t('settings.products.skuHint')} value={sku} onChange={setSku} error={feedback.errors.sku} />
        <div className="form-grid form-grid--compact">
          <TextField id="product-unit" label={t('settings.products.field.unit')} hint={t('settings.products.unitHint')} value={unit} onChange={setUnit} error={feedback.errors.unit} />
          <TextField
            id="product-price"
            label={t('settings.products.field.unitPriceIn', { currency: formats.currency })}
            required
            inputMode="decimal"
            hint={product ? t('settings.products.priceHint') : undefined}
            value={price}
            onChange={setPrice}
            error={feedback.errors.unitPrice}
          />
        </div>
        <TextAreaField id="product-description" label={t('settings.products.field.description')} rows={3} value={description} onChange={setDescription} error={feedback.errors.description} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={creating || updating}>
            {creating || updating ? t('common.saving') : product ? t('common.saveChanges') : t('settings.products.create')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
