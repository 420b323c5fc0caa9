import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { ForbiddenError } from './errors.ts';

/**
 * Record-level access to accounts and contacts (domain.md, "Users and access"):
 * ADMIN everything; MANAGER reads and writes the records of their teams; SALES reads their teams'
 * records and writes the ones they own; SERVICE reads accounts and contacts, writes none.
 * API tokens act as their user, optionally narrowed to read-only.
 */
export interface OwnedRecord {
  ownerId: string;
  teamId: string;
}

export function customerRecordReadWhere(viewer: Viewer): { teamId?: { in: string[] } } {
  if (viewer.role === 'ADMIN' || viewer.role === 'SERVICE') return {};
  return { teamId: { in: viewer.teamIds } };
}

export const accountReadWhere = (viewer: Viewer): Prisma.AccountWhereInput => customerRecordReadWhere(viewer);
export const contactReadWhere = (viewer: Viewer): Prisma.ContactWhereInput => customerRecordReadWhere(viewer);

export function canReadCustomerRecord(viewer: Viewer, record: OwnedRecord): boolean {
  if (viewer.role === 'ADMIN' || viewer.role === 'SERVICE') return true;
  return viewer.teamIds.includes(record.teamId);
}

export function canWriteCustomerRecord(viewer: Viewer, record: OwnedRecord): boolean {
  if (viewer.readOnly) return false;
  switch (viewer.role) {
    case 'ADMIN':
      return true;
    case 'MANAGER':
      return viewer.teamIds.includes(record.teamId);
    case 'SALES':
      return record.ownerId === viewer.id && viewer.teamIds.includes(record.teamId);
    case 'SERVICE':
      return false;
  }
}

export function canCreateCustomerRecords(viewer: Viewer): boolean {
  return !viewer.readOnly && viewer.role !== 'SERVICE';
}

export function assertCanCreateCustomerRecords(viewer: Viewer) {
  if (!canCreateCustomerRecords(viewer)) throw new ForbiddenError('Your role may not create accounts or contacts.');
}

export function assertCanWriteCustomerRecord(viewer: Viewer, record: OwnedRecord) {
  if (!canWriteCustomerRecord(viewer, record)) throw new ForbiddenError('You may not change this record.');
}

export function assertAdmin(viewer: Viewer) {
  if (viewer.role !== 'ADMIN' || viewer.readOnly) throw new ForbiddenError('Only administrators may do this.');
}

/**
 * Opportunities and their activities: like customer records, except that SERVICE sees none
 * (domain.md: SERVICE handles tickets and reads accounts and contacts only).
 */
const NO_RECORD = { teamId: { in: [] as string[] } };

export function salesRecordReadWhere(viewer: Viewer): { teamId?: { in: string[] } } {
  if (viewer.role === 'ADMIN') return {};
  if (viewer.role === 'SERVICE') return NO_RECORD;
  return { teamId: { in: viewer.teamIds } };
}

export const opportunityReadWhere = (viewer: Viewer): Prisma.OpportunityWhereInput => salesRecordReadWhere(viewer);
export const activityReadWhere = (viewer: Viewer): Prisma.ActivityWhereInput => salesRecordReadWhere(viewer);

/** Whether the viewer works with opportunities and activities at all (SERVICE does not). */
export const canSeeSalesRecords = (viewer: Viewer) => viewer.role !== 'SERVICE';

export function canReadSalesRecord(viewer: Viewer, record: { teamId: string }): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'SERVICE') return false;
  return viewer.teamIds.includes(record.teamId);
}

/** Same rules as for accounts and contacts: ADMIN, the team's MANAGER, the owning SALES user. */
export const canWriteSalesRecord = canWriteCustomerRecord;

export function assertCanCreateSalesRecords(viewer: Viewer) {
  if (viewer.readOnly || viewer.role === 'SERVICE') throw new ForbiddenError('Your role may not create opportunities or activities.');
}

export function assertCanWriteSalesRecord(viewer: Viewer, record: OwnedRecord) {
  if (!canWriteSalesRecord(viewer, record)) throw new ForbiddenError('You may not change this record.');
}
