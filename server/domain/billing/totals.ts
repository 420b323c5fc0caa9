import { Decimal, lineTotal, roundMoney, sumMoney, ZERO, type DecimalValue, type Money } from '../money.ts';

/** German VAT: standard 19 %, reduced 7 %, and 0 % (exports, reverse charge). */
export const TAX_RATES = ['19', '7', '0'] as const;
export const DEFAULT_TAX_RATE = '19';

export interface PricedLine {
  quantity: DecimalValue;
  unitPrice: DecimalValue;
  discountPercent: DecimalValue;
  taxRate: DecimalValue;
}

export interface TaxGroup {
  rate: Money;
  /** Net amount of the lines at this rate. */
  net: Money;
  tax: Money;
}

export interface DocumentTotals {
  net: Money;
  tax: Money;
  gross: Money;
  /** One entry per tax rate present, highest rate first (the VAT breakdown a German invoice shows). */
  taxes: TaxGroup[];
}

/** quantity x unit price - discount %, rounded to cents. */
export const lineNet = (line: PricedLine): Money => lineTotal(line);

/**
 * Tax is computed per rate on the sum of that rate's line nets and rounded once (not per line),
 * as German invoices show it; gross = net + tax. Everything in exact decimals.
 */
export function documentTotals(lines: PricedLine[]): DocumentTotals {
  const byRate = new Map<string, { rate: Money; nets: Money[] }>();
  for (const line of lines) {
    const rate = new Decimal(line.taxRate);
    const key = rate.toFixed(2);
    const group = byRate.get(key) ?? { rate, nets: [] };
    group.nets.push(lineNet(line));
    byRate.set(key, group);
  }
  const taxes = [...byRate.values()]
    .map(({ rate, nets }) => {
      const net = sumMoney(nets);
      return { rate, net, tax: roundMoney(net.times(rate).dividedBy(100)) };
    })
    .sort((a, b) => b.rate.comparedTo(a.rate));
  const net = sumMoney(taxes.map((group) => group.net));
  const tax = sumMoney(taxes.map((group) => group.tax));
  return { net, tax, gross: roundMoney(net.plus(tax)), taxes };
}

/** Columns a document stores from its totals. */
export function totalColumns(totals: DocumentTotals) {
  return { netAmount: totals.net, taxAmount: totals.tax, grossAmount: totals.gross };
}

export function outstanding(invoice: { grossAmount: DecimalValue; paidAmount: DecimalValue }): Money {
  const rest = roundMoney(new Decimal(invoice.grossAmount).minus(invoice.paidAmount));
  return rest.isNegative() ? ZERO : rest;
}
