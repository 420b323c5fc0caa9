import { describe, expect, it } from 'vitest';
import { documentTotals, outstanding } from './totals.ts';

const line = (quantity: string, unitPrice: string, taxRate: string, discountPercent = '0') => ({ quantity, unitPrice, taxRate, discountPercent });

describe('document totals', () => {
  it('adds net, VAT per rate and gross in exact decimals', () => {
    const totals = documentTotals([line('1', '74500.00', '19', '5'), line('3', '980.00', '19'), line('2', '12.35', '7')]);
    expect(totals.net.toFixed(2)).toBe('73739.70');
    expect(totals.taxes.map((group) => [group.rate.toString(), group.net.toFixed(2), group.tax.toFixed(2)])).toEqual([
      ['19', '73715.00', '14005.85'],
      ['7', '24.70', '1.73'],
    ]);
    expect(totals.tax.toFixed(2)).toBe('14007.58');
    expect(totals.gross.toFixed(2)).toBe('87747.28');
  });

  it('rounds VAT once per rate on the sum of the lines, not per line', () => {
    // Per line 0.05 x 7 % = 0.0035 rounds to 0.00; on the sum 0.50 x 7 % = 0.035 rounds to 0.04.
    const totals = documentTotals(Array.from({ length: 10 }, () => line('1', '0.05', '7')));
    expect(totals.net.toFixed(2)).toBe('0.50');
    expect(totals.tax.toFixed(2)).toBe('0.04');
    expect(totals.gross.toFixed(2)).toBe('0.54');
  });

  it('avoids binary floating point: 0.1 + 0.2 is 0.30', () => {
    const totals = documentTotals([line('1', '0.10', '0'), line('1', '0.20', '0')]);
    expect(totals.net.toFixed(2)).toBe('0.30');
    expect(totals.gross.toFixed(2)).toBe('0.30');
    expect(totals.taxes).toHaveLength(1);
  });

  it('rounds line discounts half up to cents', () => {
    // 3 x 33.33 = 99.99, less 12.5 % = 87.49125 -> 87.49
    expect(documentTotals([line('3', '33.33', '0', '12.5')]).net.toFixed(2)).toBe('87.49');
    expect(documentTotals([line('0.125', '0.20', '0')]).net.toFixed(2)).toBe('0.03');
  });

  it('has nothing outstanding once paid in full', () => {
    expect(outstanding({ grossAmount: '100.00', paidAmount: '40.00' }).toFixed(2)).toBe('60.00');
    expect(outstanding({ grossAmount: '100.00', paidAmount: '100.00' }).toFixed(2)).toBe('0.00');
  });
});
