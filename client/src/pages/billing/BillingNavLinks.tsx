import { NavLink } from 'react-router';
import { T as CampaignTexts } from '../campaigns/texts.ts';
import { T as BudgetTexts } from '../budgets/texts.ts';
import { KIND } from './texts.ts';

/** Main navigation entries of quotes, orders, invoices, campaigns and budgets (not for SERVICE). */
export function BillingNavLinks() {
  return (
    <>
      <NavLink to="/quotes">{KIND.QUOTE.many}</NavLink>
      <NavLink to="/orders">{KIND.ORDER.many}</NavLink>
      <NavLink to="/invoices">{KIND.INVOICE.many}</NavLink>
      <NavLink to="/campaigns">{CampaignTexts.title}</NavLink>
      <NavLink to="/budgets">{BudgetTexts.title}</NavLink>
    </>
  );
}
