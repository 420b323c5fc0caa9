import { z } from 'zod';
import { ValidationError, type FieldError } from './errors.ts';

/**
 * Parses input with a zod schema and turns every problem into a field error with a stable reason
 * code, so clients can show it next to the field. Nothing is written when this throws.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, prefix?: string): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // One error per field, the first found: a form shows one message next to each field.
  const byField = new Map<string, FieldError>();
  for (const issue of result.error.issues) {
    const error = toFieldError(issue, prefix);
    if (!byField.has(error.field)) byField.set(error.field, error);
  }
  throw new ValidationError([...byField.values()]);
}

/** `parseInput` for many inputs at once (the CSV import): each problem is returned instead of thrown. */
export function parseEach<Schema extends z.ZodType>(schema: Schema, inputs: unknown[]): Array<z.output<Schema> | ValidationError> {
  return inputs.map((input) => {
    try {
      return parseInput(schema, input);
    } catch (error) {
      if (error instanceof ValidationError) return error;
      throw error;
    }
  });
}

function toFieldError(issue: z.core.$ZodIssue, prefix?: string): FieldError {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const field = path || 'input';
  const reason = reasonOf(issue);
  const message = issue.message && !issue.message.startsWith('Invalid input') ? issue.message : defaultMessage(reason);
  const limit = reason.startsWith('TOO_') ? limitOf(issue) : undefined;
  return limit === undefined ? { field, reason, message } : { field, reason, message, limit };
}

function reasonOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? 'TOO_LONG' : 'TOO_LARGE';
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'REQUIRED' : 'TOO_SHORT';
      return 'TOO_SMALL';
    case 'invalid_format':
      if (issue.format === 'email') return 'INVALID_EMAIL';
      if (issue.format === 'url') return 'INVALID_URL';
      if (issue.format === 'uuid') return 'INVALID_ID';
      return 'INVALID_FORMAT';
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'REQUIRED' : 'INVALID_TYPE';
    case 'invalid_value':
      return 'INVALID_VALUE';
    case 'custom':
      return (issue.params?.reason as string | undefined) ?? 'INVALID';
    default:
      return 'INVALID';
  }
}

function limitOf(issue: z.core.$ZodIssue): number | undefined {
  if (issue.code === 'too_big') return Number(issue.maximum);
  if (issue.code === 'too_small') return Number(issue.minimum);
  return undefined;
}

function defaultMessage(reason: string): string {
  const messages: Record<string, string> = {
    REQUIRED: 'This field is required.',
    INVALID_TYPE: 'This value has the wrong type.',
    INVALID_VALUE: 'This value is not one of the allowed values.',
    INVALID_ID: 'This is not a valid id.',
  };
  return messages[reason] ?? 'This value is invalid.';
}

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/** A letter, digit, punctuation mark or symbol: what makes a name readable. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
/** Control characters other than tab and line breaks; PostgreSQL cannot store NUL in text at all. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const withoutControlCharacters = <Schema extends z.ZodString>(schema: Schema) =>
  schema.refine((text) => !CONTROL.test(text), { message: 'Remove the control characters.', params: { reason: 'INVALID_CHARACTERS' } });

export const requiredText = (max: number) =>
  withoutControlCharacters(
    z
      .string({ error: 'This field is required.' })
      .trim()
      .min(1, 'This field is required.')
      .max(max, `At most ${max} characters.`),
  ).refine((text) => VISIBLE.test(text), { message: 'Enter at least one letter, digit or sign.', params: { reason: 'REQUIRED' } });

/** Optional free text: empty strings are stored as null. */
export const optionalText = (max: number) =>
  z.preprocess(blankToNull, withoutControlCharacters(z.string().trim().max(max, `At most ${max} characters.`)).nullable().optional());

export const optionalEmail = z.preprocess(
  blankToNull,
  z.email('Enter a valid e-mail address, like name@example.com.').max(254, 'At most 254 characters.').nullable().optional(),
);

export const optionalPhone = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(40, 'At most 40 characters.')
    .regex(/^\+?[0-9][0-9 ()/.-]{3,}$/, 'Enter a phone number with digits, spaces, +, -, / or brackets.')
    .nullable()
    .optional(),
);

/** Accepts `example.de` as well as `https://example.de` and stores the full URL. */
export const optionalWebsite = z.preprocess(
  (value) => {
    const blank = blankToNull(value);
    if (typeof blank === 'string' && !/^https?:\/\//i.test(blank.trim())) return `https://${blank.trim()}`;
    return blank;
  },
  z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'Enter a web address, like www.example.de.' })
    .max(200, 'At most 200 characters.')
    .nullable()
    .optional(),
);

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter country code (ISO 3166-1), like DE.');

export const optionalPostalCode = optionalText(20);

export const entityId = z.uuid('This is not a valid id.');

/** GraphQL sends null for "not given" as readily as it omits a field; treat both alike. */
export const omittable = <Schema extends z.ZodType>(schema: Schema) =>
  schema.nullish().transform((value) => value ?? undefined);

export const idList = (max: number) => z.array(entityId).max(max, `At most ${max} entries.`);

/** Every date and moment the CRM stores lies in these years (no typo like 20266 or 1026). */
const EARLIEST = new Date('1900-01-01T00:00:00.000Z');
const LATEST = new Date('2200-12-31T23:59:59.999Z');

/**
 * A moment (date and time) between 1900 and 2200. ISO strings are accepted too, so that a filter
 * stored as JSON (a saved view) reads back with the same schema that validated it.
 */
export const moment = (message = 'Enter a date and time.') =>
  z.preprocess(
    (value) => (typeof value === 'string' ? new Date(value) : value),
    z.date({ error: message }).min(EARLIEST, 'Enter a date from 1900 on.').max(LATEST, 'Enter a date up to 2200.'),
  );

/** A calendar day between 1900 and 2200 (stored as midnight UTC). */
export const calendarDay = (message = 'Enter a date.') => moment(message);
