/**
 * Money arithmetic on the client: the API sends amounts as exact decimal strings ("1234.5"). Totals
 * the board adjusts optimistically are summed in whole cents (BigInt), so they match the server's.
 * Showing and reading amounts is the user's language's business: see i18n/format.ts and
 * i18n/parse-number.ts.
 */
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
