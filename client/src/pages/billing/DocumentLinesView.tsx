import { formatMoney, formatPercent, formatQuantity } from './billing-format.ts';
import { T } from './texts.ts';

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
  currency: string;
}

/** A document's lines with the VAT per rate and the totals, as the server computed them. */
export function DocumentLinesView({ lines, taxes, netAmount, grossAmount, currency }: Props) {
  const money = (value: string) => formatMoney(value, currency);
  return (
    <section className="card" aria-labelledby="document-lines-title">
      <h2 id="document-lines-title">{T.detail.lines}</h2>
      {lines.length === 0 ? (
        <p className="muted">{T.lines.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="document-lines">
            <thead>
              <tr>
                <th scope="col">{T.lines.position}</th>
                <th scope="col">{T.lines.description}</th>
                <th scope="col" className="numeric">{T.lines.quantity}</th>
                <th scope="col" className="numeric">{T.lines.unitPrice}</th>
                <th scope="col" className="numeric">{T.lines.discount}</th>
                <th scope="col" className="numeric">{T.lines.tax}</th>
                <th scope="col" className="numeric">{T.lines.net}</th>
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
                      {formatQuantity(line.quantity)} {line.unit}
                    </td>
                    <td className="numeric">{money(line.unitPrice)}</td>
                    <td className="numeric">{line.discountPercent === '0' ? '' : formatPercent(line.discountPercent)}</td>
                    <td className="numeric">{formatPercent(line.taxRate)}</td>
                    <td className="numeric">{money(line.netAmount)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      <dl className="document-totals">
        <div>
          <dt>{T.lines.netTotal}</dt>
          <dd>{money(netAmount)}</dd>
        </div>
        {taxes.map((group) => (
          <div key={group.rate}>
            <dt>{T.lines.taxOn(formatQuantity(group.rate), money(group.net))}</dt>
            <dd>{money(group.tax)}</dd>
          </div>
        ))}
        <div className="document-totals__gross">
          <dt>{T.lines.grossTotal}</dt>
          <dd data-testid="document-gross">{money(grossAmount)}</dd>
        </div>
      </dl>
    </section>
  );
}
