import { useTranslation } from 'react-i18next';
import { useFormats } from '../../i18n/LocaleProvider.tsx';

export interface ViewLine {
  id: string;
  position: number;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
  netAmount: string;
}

interface Props {
  lines: readonly ViewLine[];
  taxes: ReadonlyArray<{ rate: string; net: string; tax: string }>;
  netAmount: string;
  grossAmount: string;
}

/** A document's lines with the VAT per rate and the totals, as the server computed them. */
export function DocumentLinesView({ lines, taxes, netAmount, grossAmount }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <section className="card" aria-labelledby="document-lines-title">
      <h2 id="document-lines-title">{t('billing.detail.lines')}</h2>
      {lines.length === 0 ? (
        <p className="muted">{t('billing.lines.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="document-lines">
            <thead>
              <tr>
                <th scope="col">{t('billing.lines.position')}</th>
                <th scope="col">{t('billing.lines.description')}</th>
                <th scope="col" className="numeric">{t('billing.lines.quantity')}</th>
                <th scope="col" className="numeric">{t('billing.lines.unitPrice')}</th>
                <th scope="col" className="numeric">{t('billing.lines.discount')}</th>
                <th scope="col" className="numeric">{t('billing.lines.tax')}</th>
                <th scope="col" className="numeric">{t('billing.lines.net')}</th>
              </tr>
            </thead>
            <tbody>
              {[...lines]
                .sort((a, b) => a.position - b.position)
                .map((line) => (
                  <tr key={line.id}>
                    <td>{line.position + 1}</td>
                    <td>{line.description}</td>
                    <td className="numeric">
                      {formats.decimalInput(line.quantity)} {line.unit}
                    </td>
                    <td className="numeric">{formats.money(line.unitPrice)}</td>
                    <td className="numeric">{line.discountPercent === '0' ? '' : formats.percent(line.discountPercent)}</td>
                    <td className="numeric">{formats.percent(line.taxRate)}</td>
                    <td className="numeric">{formats.money(line.netAmount)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      <dl className="document-totals">
        <div>
          <dt>{t('billing.lines.netTotal')}</dt>
          <dd>{formats.money(netAmount)}</dd>
        </div>
        {taxes.map((group) => (
          <div key={group.rate}>
            <dt>{t('billing.lines.taxOn', { rate: formats.decimalInput(group.rate), net: formats.money(group.net) })}</dt>
            <dd>{formats.money(group.tax)}</dd>
          </div>
        ))}
        <div className="document-totals__gross">
          <dt>{t('billing.lines.grossTotal')}</dt>
          <dd data-testid="document-gross">{formats.money(grossAmount)}</dd>
        </div>
      </dl>
    </section>
  );
}
