/** Selections of the kpis query shaped like the expected figures of kpi-expected.ts. */
const TOTAL = '{ count amount }';

export const OPPORTUNITY_FIGURES = `
  leads { total ${TOTAL} toDealRate won ${TOTAL} lost ${TOTAL} avgDwellDays lossReasons { lossReason { name } count amount }
          open { count amount weightedAmount } intake { month count amount } }
  deals { total ${TOTAL} winRate won ${TOTAL} lost ${TOTAL} avgDwellDays weightedOpen ${TOTAL} pipelineValue ${TOTAL} withoutActivity ${TOTAL}
          byStage { stage { name } count amount weightedAmount } lossReasons { lossReason { name } count amount } }
  quotes { avgSalesCycleDays }
  forecast { byMonth { month count amount weightedAmount target } byStatus { status count amount weightedAmount } byStage { stage { name } count amount weightedAmount } }`;

export const DOCUMENT_FIGURES = `
  revenue { year ${TOTAL} byMonth { month target actual invoiceCount } }
  cashflow { byMonth { month received ${TOTAL} due ${TOTAL} } }
  invoices { overdue ${TOTAL} dueThisMonth ${TOTAL} avgPaymentDays onTimeRate }
  quotes { volume ${TOTAL} open ${TOTAL} acceptanceRate avgRuntimeDays sent ${TOTAL} conversionRate }
  orders { volume total avgDeliveryDays }
  activities { open overdue completed byType { type count } }
  customers { top10 { account { name } revenue { amount } } }`;

export const CONTACT_FIGURES = 'contacts { all { accounts contacts } active { accounts contacts } won lost }';

const MONEY_KEYS = new Set(['amount', 'weightedAmount', 'target', 'actual', 'volume', 'quantity']);

/**
 * Makes API answers and expected figures comparable: money with two decimals, fractions and days
 * to 9 places, grouped lists in a fixed order (ties may come in any order), empty stages left out.
 */
export function normalize(value: any, key = ''): any {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) {
    let list = value.map((item) => normalize(item));
    if (key === 'byStage') list = list.filter((item) => item.count > 0);
    if (key === 'lossReasons') list = [...list].sort((a, b) => (a.lossReason?.name ?? '').localeCompare(b.lossReason?.name ?? ''));
    return list;
  }
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  if (MONEY_KEYS.has(key) && (typeof value === 'string' || typeof value === 'number')) return Number(value).toFixed(2);
  if (typeof value === 'number' && !Number.isInteger(value)) return Math.round(value * 1e9) / 1e9;
  return value;
}

/** The figures each dashboard tab asks for in one request. */
export const TAB_QUERIES = {
  overview: `${OPPORTUNITY_FIGURES} ${DOCUMENT_FIGURES} ${CONTACT_FIGURES}
    revenue { monthTargetVsActual { month target actual } projectedYear { total } }
    activities { open } orders { intake { month count amount } } leads { withoutActivity ${TOTAL} }`,
  month: `deals { won ${TOTAL} lost ${TOTAL} closingThisMonth ${TOTAL} weightedOpen ${TOTAL} byStage { stage { name } count amount weightedAmount } }
    revenue { month ${TOTAL} forecastMonth { actual ${TOTAL} weightedOpenDeals ${TOTAL} total } byPipeline { pipeline { name } count amount weightedAmount } }
    products { top { product { name } quantity revenue ${TOTAL} } }`,
  team: `team { byUser { user { name } won ${TOTAL} lost ${TOTAL} owned ${TOTAL} revenue ${TOTAL} } byTeam { team { name } won ${TOTAL} lost ${TOTAL} owned ${TOTAL} revenue ${TOTAL} } }`,
  forecast: `forecast { byMonth { month count amount weightedAmount target } byStatus { status count amount weightedAmount }
      byStage { stage { name } count amount weightedAmount } byCloseMonth { month count amount weightedAmount }
      funnel { stage { name } count amount entered advanced conversionToNext } bySalesperson(interval: QUARTER) { user { name } buckets { start won ${TOTAL} open ${TOTAL} } } }`,
  my: `my { revenue ${TOTAL} leads { count amount weightedAmount } deals { open { count amount weightedAmount } forecastByMonth { month amount target } }
      tasks { open overdue } quotes ${TOTAL} orders ${TOTAL} invoices { open ${TOTAL} overdue ${TOTAL} } activeContacts { accounts contacts } followed ${TOTAL} }`,
};
