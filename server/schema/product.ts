import { builder, type InputFields } from '../builder.ts';
import { createProduct, productListWhere, setProductActive, updateProduct } from '../domain/products.ts';
import { decodeId } from './ids.ts';
import { validatedResult } from './mutation-result.ts';
import { requireViewer } from './viewer.ts';

export const ProductRef = builder.prismaNode('Product', {
  id: { field: 'id' },
  // A missing record resolves `node(id:)` to null instead of an error.
  nullable: true,
  description: 'An item of the product catalogue. Inactive products stay on existing lines but cannot be added to new ones.',
  authScopes: { sales: true },
  fields: (t) => ({
    sku: t.exposeString('sku', { description: 'Article number, unique.' }),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    unit: t.exposeString('unit', { description: 'e.g. Stk., h, Lizenz.' }),
    unitPrice: t.expose('unitPrice', { type: 'Decimal', description: 'EUR per unit.' }),
    active: t.exposeBoolean('active'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('products', (t) =>
  t.prismaConnection(
    {
      type: 'Product',
      cursor: 'id',
      authScopes: { sales: true },
      description: 'The catalogue by name. `search` matches name, SKU and description.',
      args: { search: t.arg.string(), includeInactive: t.arg.boolean({ defaultValue: false }) },
      resolve: (query, _root, args, context) =>
        context.prisma.product.findMany({ ...query, where: productListWhere(args), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
      totalCount: (_connection, args, context) => context.prisma.product.count({ where: productListWhere(args) }),
    },
    {},
    {},
  ),
);

const productInputFields = (t: InputFields) => ({
  description: t.string(),
  unit: t.string({ description: 'Stk. when omitted on create.' }),
});

const CreateProductInput = builder.inputType('CreateProductInput', {
  fields: (t) => ({
    sku: t.string({ required: true }),
    name: t.string({ required: true }),
    unitPrice: t.field({ type: 'Decimal', required: true, description: 'EUR, 0 or more, two decimals at most.' }),
    ...productInputFields(t),
  }),
});

const UpdateProductInput = builder.inputType('UpdateProductInput', {
  description: 'Omitted fields stay as they are; null clears the description.',
  fields: (t) => ({
    sku: t.string(),
    name: t.string(),
    unitPrice: t.field({ type: 'Decimal', description: 'Applies to new lines; existing lines keep their price.' }),
    ...productInputFields(t),
  }),
});

builder.mutationFields((t) => ({
  createProduct: t.prismaField({
    type: 'Product',
    authScopes: { admin: true },
    errors: validatedResult('CreateProduct', 'product'),
    args: { input: t.arg({ type: CreateProductInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const created = await createProduct(context.prisma, requireViewer(context), input);
      return context.prisma.product.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  updateProduct: t.prismaField({
    type: 'Product',
    authScopes: { admin: true },
    errors: validatedResult('UpdateProduct', 'product'),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateProductInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = decodeId(args.id, 'Product', 'id');
      await updateProduct(context.prisma, requireViewer(context), { ...args.input, id });
      return context.prisma.product.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  setProductActive: t.prismaField({
    type: 'Product',
    authScopes: { admin: true },
    description: 'Deactivates a product (no longer offered for new lines) or reactivates it.',
    errors: validatedResult('SetProductActive', 'product'),
    args: { id: t.arg.id({ required: true }), active: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = decodeId(args.id, 'Product', 'id');
      await setProductActive(context.prisma, requireViewer(context), { id, active: args.active });
      return context.prisma.product.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
