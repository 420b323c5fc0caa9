import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma, PrismaClient, Product } from '../generated/prisma/client.ts';
import { adminChange, assertNameFree, type Tx } from './admin-edit.ts';
import { NotFoundError } from './errors.ts';
import { entityId, omittable, optionalText, requiredText } from './validation.ts';

/**
 * The product catalogue that opportunity lines pick from. Administrators edit it; a product is
 * deactivated rather than deleted, so existing lines keep their product.
 */

/** Article numbers as printed on quotes: letters, digits and . _ - /, compared case-insensitively. */
const sku = requiredText(40).regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'Use letters, digits and . _ - / without spaces, e.g. M-100.');

/** EUR with at most two decimals, as the Decimal(14,2) column stores it. */
const unitPrice = z
  .string({ error: 'This field is required.' })
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, 'Enter a price like 1200.00.')
  .refine((value) => !value.startsWith('-'), { error: 'The price cannot be negative.', params: { reason: 'TOO_SMALL' } })
  .refine((value) => /^-?\d{1,12}(\.\d{1,2})?$/.test(value), {
    error: 'At most 12 digits before and 2 after the decimal point.',
    params: { reason: 'INVALID_FORMAT' },
  });

const productFields = {
  sku,
  name: requiredText(200),
  description: optionalText(5000),
  unit: omittable(requiredText(20)),
  unitPrice,
};

const createProductInput = z.object(productFields);
const updateProductInput = z.object({
  id: entityId,
  sku: omittable(productFields.sku),
  name: omittable(productFields.name),
  description: productFields.description,
  unit: productFields.unit,
  unitPrice: omittable(productFields.unitPrice),
});

export type CreateProductInput = z.input<typeof createProductInput>;
export type UpdateProductInput = z.input<typeof updateProductInput>;

export function createProduct(prisma: PrismaClient, viewer: Viewer, rawInput: CreateProductInput): Promise<Product> {
  return adminChange(prisma, viewer, createProductInput, rawInput, async (tx, input) => {
    await assertSkuFree(tx, input.sku);
    return tx.product.create({ data: input });
  });
}

/** Omitted fields stay; a changed price applies to new lines only (lines keep the price they were given). */
export function updateProduct(prisma: PrismaClient, viewer: Viewer, rawInput: UpdateProductInput): Promise<Product> {
  return adminChange(prisma, viewer, updateProductInput, rawInput, async (tx, { id, ...changes }) => {
    await findProduct(tx, id);
    if (changes.sku !== undefined) await assertSkuFree(tx, changes.sku, id);
    return tx.product.update({ where: { id }, data: changes satisfies Prisma.ProductUpdateInput });
  });
}

/** Inactive products stay on existing lines but cannot be put on new ones. */
export function setProductActive(prisma: PrismaClient, viewer: Viewer, rawInput: { id: string; active: boolean }): Promise<Product> {
  return adminChange(prisma, viewer, z.object({ id: entityId, active: z.boolean() }), rawInput, async (tx, input) => {
    await findProduct(tx, input.id);
    return tx.product.update({ where: { id: input.id }, data: { active: input.active } });
  });
}

/** Active products (or all) whose name, SKU or description contains every word of `search`. */
export function productListWhere(filter: { search?: string | null; includeInactive?: boolean | null }): Prisma.ProductWhereInput {
  const words = (filter.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
  return {
    ...(filter.includeInactive ? {} : { active: true }),
    AND: words.map((word) => ({
      OR: [
        { name: { contains: word, mode: 'insensitive' as const } },
        { sku: { contains: word, mode: 'insensitive' as const } },
        { description: { contains: word, mode: 'insensitive' as const } },
      ],
    })),
  };
}

async function findProduct(tx: Tx, id: string) {
  const product = await tx.product.findUnique({ where: { id }, select: { id: true } });
  if (!product) throw new NotFoundError('Product');
}

async function assertSkuFree(tx: Tx, value: string, excludeId?: string) {
  const existing = await tx.product.findFirst({
    where: { sku: { equals: value, mode: 'insensitive' }, ...(excludeId ? { NOT: { id: excludeId } } : {}) },
    select: { id: true },
  });
  assertNameFree(existing, 'product', 'sku');
}
