import type { OpportunityDetailFieldsFragment } from '../../gql/graphql.ts';
import { fromCents, toCents } from '../../components/opportunity/money.ts';
import type { Formats } from '../../i18n/format.ts';

/** One line as the editor holds it: the text of its inputs. */
export interface LineRow {
  key: string;
  productId: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
}

let rowCounter = 0;
const newKey = () => `new-${(rowCounter += 1)}`;
export const emptyRow = (): LineRow => ({ key: newKey(), productId: '', description: '', quantity: '1', unitPrice: '', discountPercent: '' });

/** The saved lines, with numbers written the way the user's language writes them. */
export function rowsOf(opportunity: OpportunityDetailFieldsFragment, formats: Formats): LineRow[] {
  return [...opportunity.lines]
    .sort((a, b) => a.position - b.position)
    .map((line) => ({
      key: line.id,
      productId: line.product?.id ?? '',
      description: line.description ?? '',
      quantity: formats.decimalInput(line.quantity),
      unitPrice: formats.moneyInput(line.unitPrice),
      discountPercent: line.discountPercent === '0' ? '' : formats.decimalInput(line.discountPercent),
    }));
}

/** A line's total as the server computes it (quantity x price - discount %), for the preview. */
export function previewTotal(row: LineRow, formats: Formats): string | null {
  const quantity = formats.parseDecimal(row.quantity);
  const price = formats.parseMoney(row.unitPrice);
  const discount = formats.parseDecimal(row.discountPercent) ?? '0';
  if (!quantity || !price || discount === undefined) return null;
  const total = Number(quantity) * Number(price) * (1 - Number(discount) / 100);
  return fromCents(toCents(total.toFixed(2)));
}
