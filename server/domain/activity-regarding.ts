import type { Viewer } from '../auth/viewer.ts';
import type { Opportunity, Prisma } from '../generated/prisma/client.ts';
import { canReadCustomerRecord, canReadSalesRecord } from './access.ts';
import { ValidationError, type FieldError } from './errors.ts';

type Tx = Prisma.TransactionClient;

export interface Regarding {
  opportunityId: string | null;
  accountId: string | null;
  contactId: string | null;
  /** The team of the record the activity is about: the opportunity's, else the account's, else the contact's. */
  teamId: string;
}

/**
 * The records an activity is about. The viewer must be able to read each one given; an
 * opportunity brings its account and contact unless given, and all of them must fit together.
 */
export async function resolveRegarding(
  tx: Tx,
  viewer: Viewer,
  input: { opportunityId?: string; accountId?: string; contactId?: string },
): Promise<Regarding> {
  const errors: FieldError[] = [];
  let opportunity: Opportunity | null = null;
  if (input.opportunityId) {
    opportunity = await tx.opportunity.findUnique({ where: { id: input.opportunityId } });
    if (!opportunity || !canReadSalesRecord(viewer, opportunity)) {
      opportunity = null;
      errors.push(fieldError('opportunityId', 'NOT_FOUND', 'Unknown opportunity.'));
    }
  }
  const account = input.accountId ? await tx.account.findUnique({ where: { id: input.accountId } }) : null;
  if (input.accountId) {
    if (!account || !canReadCustomerRecord(viewer, account)) errors.push(fieldError('accountId', 'NOT_FOUND', 'Unknown account.'));
    else if (opportunity && opportunity.accountId !== account.id) {
      errors.push(fieldError('accountId', 'OTHER_ACCOUNT', 'The opportunity belongs to another account.'));
    }
  }
  const contact = input.contactId ? await tx.contact.findUnique({ where: { id: input.contactId } }) : null;
  const accountId = opportunity?.accountId ?? account?.id ?? null;
  if (input.contactId) {
    if (!contact || !canReadCustomerRecord(viewer, contact)) errors.push(fieldError('contactId', 'NOT_FOUND', 'Unknown contact.'));
    else if (contact.accountId && accountId && contact.accountId !== accountId) {
      errors.push(fieldError('contactId', 'OTHER_ACCOUNT', 'This contact works at another account.'));
    }
  }
  if (errors.length) throw new ValidationError(errors);
  // About a contact alone: it counts for the contact's account too, if the viewer may see that
  // account (the activity takes the account's team, and its author must still be able to read it).
  const contactsAccount =
    !accountId && contact?.accountId ? await tx.account.findUnique({ where: { id: contact.accountId } }) : null;
  const derivedAccount = contactsAccount && canReadCustomerRecord(viewer, contactsAccount) ? contactsAccount : null;
  // Who may read it: the team of the opportunity, else of the account, else of the contact
  // (`syncCustomerActivities` keeps this rule when teams change).
  const primary = opportunity ?? account ?? derivedAccount ?? contact;
  return {
    opportunityId: opportunity?.id ?? null,
    accountId: accountId ?? derivedAccount?.id ?? null,
    contactId: contact?.id ?? opportunity?.contactId ?? null,
    teamId: primary!.teamId,
  };
}

/** An assignee must be an active user who may read the activity. */
export async function assertAssignable(tx: Tx, userId: string, teamId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, include: { memberships: { select: { teamId: true } } } });
  if (!user || !user.active) throw ValidationError.field('assigneeId', 'NOT_FOUND', 'Unknown or inactive user.');
  const asViewer = { role: user.role, teamIds: user.memberships.map((membership) => membership.teamId) } as Viewer;
  if (!canReadSalesRecord(asViewer, { teamId })) {
    throw ValidationError.field('assigneeId', 'NOT_ALLOWED', 'This user cannot see the record the activity is about.');
  }
}

function fieldError(field: string, reason: string, message: string): FieldError {
  return { field, reason, message };
}
