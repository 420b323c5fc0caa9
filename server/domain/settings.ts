import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { OrganisationSettings, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { adminChange } from './admin-edit.ts';

/** Organisation-wide settings: one row (id 1), created by the migration. */
const SETTINGS_ID = 1;

/** domain.md: an open opportunity without activity for this many days is flagged ("deals without activity"). */
export const DEFAULT_STALE_AFTER_DAYS = 14;

type Reader = PrismaClient | Prisma.TransactionClient;

export async function getOrganisationSettings(prisma: Reader): Promise<OrganisationSettings> {
  const settings = await prisma.organisationSettings.findUnique({ where: { id: SETTINGS_ID } });
  return settings ?? { id: SETTINGS_ID, staleAfterDays: DEFAULT_STALE_AFTER_DAYS, updatedAt: new Date(0) };
}

export async function getStaleAfterDays(prisma: Reader): Promise<number> {
  return (await getOrganisationSettings(prisma)).staleAfterDays;
}

const updateSettingsInput = z.object({
  staleAfterDays: z.number().int('Enter a whole number of days.').min(1, 'At least 1 day.').max(365, 'At most 365 days.').optional(),
});

export type UpdateOrganisationSettingsInput = z.input<typeof updateSettingsInput>;

/** Omitted settings stay as they are. */
export function updateOrganisationSettings(
  prisma: PrismaClient,
  viewer: Viewer,
  rawInput: UpdateOrganisationSettingsInput,
): Promise<OrganisationSettings> {
  return adminChange(prisma, viewer, updateSettingsInput, rawInput, (tx, input) => {
    const data = { ...input, updatedAt: new Date() };
    return tx.organisationSettings.upsert({ where: { id: SETTINGS_ID }, create: { id: SETTINGS_ID, ...data }, update: data });
  });
}
