/** The budget page's texts, in one place so they can move into the i18n catalogs. */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const T = {
  title: 'Budgets',
  loading: 'Loading budgets…',
  year: 'Year',
  plan: 'Plan',
  actual: 'Actual (invoiced)',
  month: 'Month',
  total: 'Year',
  team: 'Team',
  member: 'Sales person',
  teamBudget: 'Whole team',
  none: 'No budget for this year yet.',
  chartLabel: (name: string, year: number) => `Plan and actual revenue per month, ${name} ${year}`,
  editMonth: (month: string) => `Plan for ${month}`,
  saveMonth: 'Save',
  create: 'Plan a budget',
  createButton: 'Create budget',
  split: 'Spread over the months',
  even: 'Evenly',
  seasonal: 'Seasonal profile',
  totalTarget: 'Target revenue for the year',
  failed: 'Please correct the marked fields.',
  invalidAmount: 'Enter an amount like 250000 or 250.000,00.',
  achieved: (percent: string) => `${percent} of plan`,
};
