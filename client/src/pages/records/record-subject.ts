/** Whose record page it is: the list queries take it as (part of) their filter. */
export type RecordSubject = { accountId: string } | { contactId: string };
