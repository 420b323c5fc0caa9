import { wholeNumberOrNull } from '../../lib/field-errors.ts';

/**
 * A whole percentage typed into a settings form ("40" or "40 %"), for the server to check against
 * 0-100: undefined when the text is blank or not a whole number, which the form says itself.
 */
export function readPercentage(text: string): number | undefined {
  return wholeNumberOrNull(text.trim().replace(/\s*%$/, '')) ?? undefined;
}
