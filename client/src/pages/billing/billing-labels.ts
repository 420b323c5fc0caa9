import type { ParseKeys } from 'i18next';

/** The document kinds and the catalog keys of their statuses, dates, events and refusals. */
export type DocumentKind = 'QUOTE' | 'ORDER' | 'INVOICE';

export const STATUSES = {
  QUOTE: ['DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED'],
  ORDER: ['OPEN', 'DELIVERED', 'CANCELLED'],
  INVOICE: ['OPEN', 'PAID', 'CANCELLED'],
} as const;

export type DocumentStatus = (typeof STATUSES)[DocumentKind][number];

export const DATE_FIELDS = {
  QUOTE: ['CREATED', 'SENT', 'VALID_UNTIL', 'DECIDED'],
  ORDER: ['ORDER_DATE', 'PLANNED_DELIVERY', 'DELIVERY_DATE'],
  INVOICE: ['ISSUE_DATE', 'DUE_DATE', 'PAID_DATE', 'SERVICE_DATE'],
} as const;

const EVENT_KEYS: Record<string, ParseKeys> = {
  CREATED: 'billing.event.CREATED',
  UPDATED: 'billing.event.UPDATED',
  SENT: 'billing.event.SENT',
  ACCEPTED: 'billing.event.ACCEPTED',
  REJECTED: 'billing.event.REJECTED',
  EXPIRED: 'billing.event.EXPIRED',
  DELIVERED: 'billing.event.DELIVERED',
  CANCELLED: 'billing.event.CANCELLED',
  PAYMENT_RECORDED: 'billing.event.PAYMENT_RECORDED',
  PAYMENT_REMOVED: 'billing.event.PAYMENT_REMOVED',
  PAID: 'billing.event.PAID',
  DELETED: 'billing.event.DELETED',
};

const REFUSAL_KEYS: Record<string, ParseKeys> = {
  NOT_DRAFT: 'billing.refusal.NOT_DRAFT',
  NOT_SENT: 'billing.refusal.NOT_SENT',
  NO_LINES: 'billing.refusal.NO_LINES',
  EXPIRED: 'billing.refusal.EXPIRED',
  ALREADY_DECIDED: 'billing.refusal.ALREADY_DECIDED',
  NOT_ACCEPTED: 'billing.refusal.NOT_ACCEPTED',
  ALREADY_ORDERED: 'billing.refusal.ALREADY_ORDERED',
  NOT_OPEN: 'billing.refusal.NOT_OPEN',
  INVOICED: 'billing.refusal.INVOICED',
  ALREADY_INVOICED: 'billing.refusal.ALREADY_INVOICED',
  CANCELLED: 'billing.refusal.CANCELLED',
  PAID: 'billing.refusal.PAID',
  ALREADY_CANCELLED: 'billing.refusal.ALREADY_CANCELLED',
  HAS_PAYMENTS: 'billing.refusal.HAS_PAYMENTS',
  ALREADY_PAID: 'billing.refusal.ALREADY_PAID',
};

/** The history's events are an open set (the API may add some): unknown ones show as they are. */
export const eventKey = (event: string): ParseKeys | null => EVENT_KEYS[event] ?? null;
export const refusalKey = (reason: string): ParseKeys | null => REFUSAL_KEYS[reason] ?? null;
export const statusKey = (status: string): ParseKeys => `billing.status.${status as DocumentStatus}`;
