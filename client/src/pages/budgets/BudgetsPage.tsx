import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { BudgetsQuery as BudgetsData } from '../../gql/graphql.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { BudgetChart } from './BudgetChart.tsx';
import { BudgetsQuery, CreateBudgetMutation, SetBudgetMonthMutation } from './budget-queries.ts';

type Budget = BudgetsData['budgets'][number];

/** The month names of the user's language, January first. */
function useMonthNames() {
  const { intlLocale } = useFormats();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(intlLocale, { month: 'short', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2001, month, 1))));
  }, [intlLocale]);
}

/** `/budgets`: plan vs actual revenue per month of the sales teams (and their people) for a year. */
export function BudgetsPage() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: BudgetsQuery, variables: { year }, requestPolicy: 'cache-and-network' });
  const [selected, setSelected] = useState<string | null>(null);
  const { viewer } = useViewer();
  if (error && !data) return <QueryError error={error} />;
  const budgets = data?.budgets ?? [];
  const budget = budgets.find((candidate) => candidate.id === selected) ?? budgets[0];
  const salesTeams = (data?.teams ?? []).filter((team) => team.type === 'SALES');
  const canPlan = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';
  return (
    <section aria-labelledby="budgets-title">
      <div className="page-header">
        <h1 id="budgets-title">{t('budgets.title')}</h1>
        <div className="page-header__actions">
          <label htmlFor="budget-year">{t('budgets.year')}</label>
          <select id="budget-year" className="input" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
          {fetching && <span className="spinner" aria-label={t('common.loadingShort')} />}
        </div>
      </div>
      {!data && <Loading what={t('budgets.loading')} />}
      {data && budgets.length === 0 && <p className="empty">{t('budgets.none')}</p>}
      {budgets.length > 0 && (
        <div className="tabs" role="tablist" aria-label={t('budgets.team')}>
          {budgets.map((candidate) => (
            <button
              key={candidate.id}
              type="button"
              role="tab"
              aria-selected={candidate.id === budget?.id}
              className={`tabs__tab${candidate.id === budget?.id ? ' tabs__tab--active' : ''}`}
              onClick={() => setSelected(candidate.id)}
            >
              {candidate.team.name}
              {candidate.user ? ` · ${candidate.user.name}` : ''}
            </button>
          ))}
        </div>
      )}
      {budget && <BudgetView key={budget.id} budget={budget} />}
      {canPlan && data && <CreateBudgetForm year={year} teams={salesTeams} onCreated={() => reexecute({ requestPolicy: 'network-only' })} />}
    </section>
  );
}

function BudgetView({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const monthNames = useMonthNames();
  const name = `${budget.team.name}${budget.user ? ` · ${budget.user.name}` : ''}`;
  // A share for people, not money arithmetic: a float is fine here.
  const achieved = Number(budget.total) > 0 ? formats.percent(Math.round((Number(budget.actualTotal) / Number(budget.total)) * 100)) : '—';
  return (
    <section className="card" aria-label={name}>
      <dl className="summary kpis">
        <div>
          <dt>{t('budgets.plan')}</dt>
          <dd data-testid="budget-total">{formats.money(budget.total)}</dd>
        </div>
        <div>
          <dt>{t('budgets.actual')}</dt>
          <dd>
            {formats.money(budget.actualTotal)} <span className="muted">({t('budgets.achieved', { percent: achieved })})</span>
          </dd>
        </div>
      </dl>
      <BudgetChart label={t('budgets.chartLabel', { name, year: budget.year })} months={budget.months} monthNames={monthNames} />
      <div className="table-wrap">
        <table className="table budget-months">
          <thead>
            <tr>
              <th scope="col">{t('budgets.month')}</th>
              <th scope="col" className="numeric">{t('budgets.plan')}</th>
              <th scope="col" className="numeric">{t('budgets.actual')}</th>
            </tr>
          </thead>
          <tbody>
            {budget.months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{monthNames[month.month - 1]}</th>
                <td className="numeric">
                  {budget.viewerCanEdit ? <MonthPlanInput budgetId={budget.id} month={month.month} monthName={monthNames[month.month - 1]} plan={month.plan} /> : formats.money(month.plan)}
                </td>
                <td className="numeric">{formats.money(month.actual)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MonthPlanInput({ budgetId, month, monthName, plan }: { budgetId: string; month: number; monthName: string; plan: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const [value, setValue] = useState(formats.moneyInput(plan));
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, save] = useMutation(SetBudgetMonthMutation);
  async function commit() {
    const amount = formats.parseMoney(value);
    if (!amount) return setError(t('budgets.invalidAmount'));
    if (amount === plan) return setError(null);
    const result = await save({ id: budgetId, month, amount });
    const outcome = result.data?.setBudgetMonth;
    setError(outcome?.__typename === 'SetBudgetMonthSuccess' ? null : serverErrors.failure(outcome, result.error, t('billing.detail.actionFailed')));
  }
  const id = `budget-month-${month}`;
  return (
    <span className="month-input">
      <label htmlFor={id} className="visually-hidden">
        {t('budgets.editMonth', { month: monthName })}
      </label>
      <input
        id={id}
        className="input input--compact numeric"
        inputMode="decimal"
        value={value}
        disabled={fetching}
        onChange={(event) => setValue(event.target.value)}
        onBlur={() => void commit()}
        aria-invalid={error ? true : undefined}
      />
      {error && <span className="field__error">{error}</span>}
    </span>
  );
}

function CreateBudgetForm({ year, teams, onCreated }: { year: number; teams: BudgetsData['teams']; onCreated(): void }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [userId, setUserId] = useState('');
  const [total, setTotal] = useState('');
  const [split, setSplit] = useState<'EVEN' | 'SEASONAL'>('SEASONAL');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, create] = useMutation(CreateBudgetMutation);
  const members = teams.find((team) => team.id === teamId)?.members.filter((member) => member.role === 'SALES' || member.role === 'MANAGER') ?? [];
  async function submit() {
    const amount = formats.parseMoney(total);
    if (!amount) return setErrors({ total: t('budgets.invalidAmount') });
    const result = await create({ input: { year, teamId, userId: userId || null, total: amount, split } });
    const outcome = result.data?.createBudget;
    if (outcome?.__typename === 'CreateBudgetSuccess') {
      setTotal('');
      setErrors({});
      onCreated();
    } else if (outcome?.__typename === 'ValidationError') {
      const placed = serverErrors.place(outcome.fieldErrors, ['year', 'teamId', 'userId', 'total', 'split', 'profile']);
      setErrors({ ...placed.byField, ...(placed.unplaced.length ? { total: placed.unplaced.join(' ') } : {}) });
    } else {
      setErrors({ total: serverErrors.failure(outcome, result.error, t('billing.detail.actionFailed')) });
    }
  }
  return (
    <section className="card" aria-labelledby="budget-create-title">
      <h2 id="budget-create-title">{t('budgets.create', { year })}</h2>
      <form className="form" noValidate onSubmit={(event) => (event.preventDefault(), void submit())}>
        {errors.year && <p className="field__error">{errors.year}</p>}
        <div className="form-grid">
          <SelectField
            id="budget-team"
            label={t('budgets.team')}
            value={teamId}
            onChange={(value) => (setTeamId(value), setUserId(''))}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            error={errors.teamId}
          />
          <SelectField
            id="budget-user"
            label={t('budgets.member')}
            value={userId}
            onChange={setUserId}
            options={[{ value: '', label: t('budgets.teamBudget') }, ...members.map((member) => ({ value: member.id, label: member.name }))]}
            error={errors.userId}
          />
          <TextField id="budget-total" label={t('budgets.totalTarget')} inputMode="numeric" value={total} onChange={setTotal} error={errors.total} />
          <SelectField
            id="budget-split"
            label={t('budgets.split')}
            value={split}
            onChange={(value) => setSplit(value as 'EVEN' | 'SEASONAL')}
            options={[
              { value: 'SEASONAL', label: t('budgets.seasonal') },
              { value: 'EVEN', label: t('budgets.even') },
            ]}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={fetching || !teamId}>
            {t('budgets.createButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
