import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import { ValidationError, type FieldError } from '../errors.ts';
import { Decimal, type Money } from '../money.ts';
import { entityId, omittable, optionalText } from '../validation.ts';
import { DEFAULT_TAX_RATE, lineNet, TAX_RATES } from './totals.ts';

type Tx = Prisma.TransactionClient;

/** The most lines one quote, order or invoice may have. */
export const MAX_LINES = 200;

const money = z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, 'Enter a price with up to two decimals.');

export const documentLineInput = z.object({
  productId: entityId.nullable().optional(),
  description: optionalText(200),
  quantity: z
    .string({ error: 'Enter a quantity.' })
    .trim()
    .regex(/^\d{1,9}(\.\d{1,3})?$/, 'Enter a quantity with up to three decimals.')
    .refine((value) => Number(value) > 0, { message: 'The quantity must be more than 0.', params: { reason: 'TOO_SMALL' } }),
  unit: optionalText(20),
  unitPrice: omittable(money),
  discountPercent: omittable(
    z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, 'Enter a discount like 12.5.')
      .refine((value) => Number(value) <= 100, { message: 'At most 100 %.', params: { reason: 'TOO_LARGE' } }),
  ),
  taxRate: omittable(
    z
      .string()
      .trim()
      .refine((value) => /^\d{1,3}(\.\d{1,2})?$/.test(value) && TAX_RATES.some((rate) => new Decimal(value).equals(rate)), {
        message: 'Choose 19 %, 7 % or 0 % VAT.',
        params: { reason: 'INVALID_TAX_RATE' },
      }),
  ),
});

export const documentLinesInput = z.array(documentLineInput).max(MAX_LINES, `At most ${MAX_LINES} lines.`);

export type DocumentLineInput = z.input<typeof documentLineInput>;

/** A line as the three line tables store it (without its document's id). */
export interface DocumentLineRow {
  position: number;
  productId: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
  netAmount: Money;
}

const DEFAULT_UNIT = 'Stk.';

/**
 * Turns validated line input into rows: a product gives description, unit and price unless the
 * line sets them; a line without product needs a description and a price. Reports every bad line.
 */
export async function resolveLines(tx: Tx, lines: z.output<typeof documentLinesInput>, prefix = 'lines'): Promise<DocumentLineRow[]> {
  const productIds = [...new Set(lines.flatMap((line) => (line.productId ? [line.productId] : [])))];
  const products = new Map((await tx.product.findMany({ where: { id: { in: productIds } } })).map((product) => [product.id, product]));
  const errors: FieldError[] = [];
  const rows = lines.map((line, index) => {
    const product = line.productId ? products.get(line.productId) : undefined;
    const at = (field: string) => `${prefix}.${index}.${field}`;
    if (line.productId && (!product || !product.active)) errors.push({ field: at('productId'), reason: 'NOT_FOUND', message: 'Choose an active product.' });
    if (!line.productId && !line.description) errors.push({ field: at('description'), reason: 'REQUIRED', message: 'Describe a line without product.' });
    if (!line.productId && line.unitPrice === undefined) errors.push({ field: at('unitPrice'), reason: 'REQUIRED', message: 'Enter a price for a line without product.' });
    const row = {
      position: index,
      productId: line.productId ?? null,
      description: line.description ?? product?.name ?? '',
      quantity: line.quantity,
      unit: line.unit ?? product?.unit ?? DEFAULT_UNIT,
      unitPrice: line.unitPrice ?? product?.unitPrice.toFixed(2) ?? '0',
      discountPercent: line.discountPercent ?? '0',
      taxRate: line.taxRate ?? DEFAULT_TAX_RATE,
    };
    return { ...row, netAmount: lineNet(row) };
  });
  if (errors.length) throw new ValidationError(errors);
  return rows;
}

/** Copies stored lines (of an opportunity, quote, order or invoice) into new rows. */
export function copyLines(
  lines: Array<{
    productId: string | null;
    description: string | null;
    quantity: Prisma.Decimal;
    unitPrice: Prisma.Decimal;
    discountPercent: Prisma.Decimal;
    unit?: string | null;
    taxRate?: Prisma.Decimal | null;
    product?: { name: string; unit: string } | null;
  }>,
): DocumentLineRow[] {
  return lines.map((line, position) => {
    const row = {
      position,
      productId: line.productId,
      description: line.description ?? line.product?.name ?? '',
      quantity: line.quantity.toString(),
      unit: line.unit ?? line.product?.unit ?? DEFAULT_UNIT,
      unitPrice: line.unitPrice.toFixed(2),
      discountPercent: line.discountPercent.toString(),
      taxRate: line.taxRate?.toString() ?? DEFAULT_TAX_RATE,
    };
    return { ...row, netAmount: lineNet(row) };
  });
}
