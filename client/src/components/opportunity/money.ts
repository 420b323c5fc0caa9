/**
 * Money on the client: the API sends EUR amounts as exact decimal strings ("1234.5"). Totals the
 * board adjusts optimistically are summed in whole cents (BigInt), so they match the server's.
 */
const eur = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

export function formatEur(value: string | number): string {
  const number = typeof value === 'number' ? value : Number(value);
  return eur.format(Number.isFinite(number) ? number : 0);
}

export function toCents(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return 0n;
  const [, sign, whole, fraction = ''] = match;
  const cents = BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2));
  return sign ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const absolute = negative ? -cents : cents;
  const text = `${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** amount x probability / 100, rounded half-up to cents like the server. */
export function weightedCents(amount: bigint, probability: number): bigint {
  const scaled = amount * BigInt(probability);
  return (scaled * 2n + (scaled >= 0n ? 100n : -100n)) / 200n;
}

/**
 * A money amount typed by a person, as the API's decimal text: "12500", "12500.5", "12.500,50",
 * "12 500 €". Returns null for blank and undefined for text that is not an amount.
 */
export function parseMoneyInput(text: string): string | null | undefined {
  let value = text.replace(/[\s\u00a0€]/g, '').replace(/EUR$/i, '');
  if (value === '') return null;
  if (value.includes(',')) value = value.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(value)) value = value.replace(/\./g, '');
  return /^\d{1,12}(\.\d{1,2})?$/.test(value) ? value : undefined;
}

/** Quantities and percentages: like money but up to six decimals (the API's Decimal). */
export function parseDecimalInput(text: string): string | null | undefined {
  let value = text.replace(/[\s\u00a0%]/g, '');
  if (value === '') return null;
  if (value.includes(',')) value = value.replace(/\./g, '').replace(',', '.');
  return /^\d{1,12}(\.\d{1,6})?$/.test(value) ? value : undefined;
}
