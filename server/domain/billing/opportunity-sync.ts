import type { Prisma } from '../../generated/prisma/client.ts';

/**
 * For the opportunity rules: call in the transaction of a change of an opportunity's team. Its
 * quotes, orders and invoices move with it, since who may read them follows the opportunity.
 */
export async function syncOpportunityDocuments(tx: Prisma.TransactionClient, opportunityId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Quote" d SET "teamId" = o."teamId" FROM "Opportunity" o
    WHERE o."id" = ${opportunityId}::uuid AND d."opportunityId" = o."id" AND d."teamId" <> o."teamId"`;
  await tx.$executeRaw`
    UPDATE "Order" d SET "teamId" = o."teamId" FROM "Opportunity" o
    WHERE o."id" = ${opportunityId}::uuid AND d."opportunityId" = o."id" AND d."teamId" <> o."teamId"`;
  await tx.$executeRaw`
    UPDATE "Invoice" d SET "teamId" = o."teamId" FROM "Opportunity" o
    WHERE o."id" = ${opportunityId}::uuid AND d."opportunityId" = o."id" AND d."teamId" <> o."teamId"`;
}
