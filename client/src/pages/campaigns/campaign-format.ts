import type { Formats } from '../../i18n/format.ts';

/** A return on cost ("1.5", a fraction) as a percentage; "—" when the campaign cost nothing. */
export const formatReturn = (formats: Formats, value: string | null | undefined) => (value == null ? '—' : formats.percent(Number(value) * 100));
