import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { SelectField, TextField } from '../../components/fields.tsx';
import { parseMoneyInput } from '../../components/opportunity/money.ts';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { BudgetsQuery as BudgetsData } from '../../gql/graphql.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { placeFieldErrors, type FieldErrors } from '../../lib/field-errors.ts';
import { formatMoney } from '../billing/billing-format.ts';
import { BudgetChart } from './BudgetChart.tsx';
import { BudgetsQuery, CreateBudgetMutation, SetBudgetMonthMutation } from './budget-queries.ts';
import { MONTHS, T } from './texts.ts';

type Budget = BudgetsData['budgets'][number];

/** `/budgets`: plan vs actual revenue per month of the sales teams (and their people) for a year. */
export function BudgetsPage() {
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
        <h1 id="budgets-title">{T.title}</h1>
        <div className="page-header__actions">
          <label htmlFor="budget-year">{T.year}</label>
          <select id="budget-year" className="input" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
          {fetching && <span className="spinner" aria-label="Loading" />}
        </div>
      </div>
      {!data && <Loading what="budgets" />}
      {data && budgets.length === 0 && <p className="empty">{T.none}</p>}
      {budgets.length > 0 && (
        <div className="tabs" role="tablist" aria-label={T.team}>
          {budgets.map((candidate) => (
            <button key={candidate.id} type="button" role="tab" aria-selected={candidate.id === budget?.id} className={`tabs__tab${candidate.id === budget?.id ? ' tabs__tab--active' : ''}`} onClick={() => setSelected(candidate.id)}>
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
  const name = `${budget.team.name}${budget.user ? ` · ${budget.user.name}` : ''}`;
  const achieved = Number(budget.total) > 0 ? `${Math.round((Number(budget.actualTotal) / Number(budget.total)) * 100)} %` : '—';
  return (
    <section className="card" aria-label={name}>
      <dl className="summary kpis">
        <div>
          <dt>{T.plan}</dt>
          <dd data-testid="budget-total">{formatMoney(budget.total)}</dd>
        </div>
        <div>
          <dt>{T.actual}</dt>
          <dd>
            {formatMoney(budget.actualTotal)} <span className="muted">({T.achieved(achieved)})</span>
          </dd>
        </div>
      </dl>
      <BudgetChart label={T.chartLabel(name, budget.year)} months={budget.months} />
      <div className="table-wrap">
        <table className="table budget-months">
          <thead>
            <tr>
              <th scope="col">{T.month}</th>
              <th scope="col" className="numeric">{T.plan}</th>
              <th scope="col" className="numeric">{T.actual}</th>
            </tr>
          </thead>
          <tbody>
            {budget.months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{MONTHS[month.month - 1]}</th>
                <td className="numeric">{budget.viewerCanEdit ? <MonthPlanInput budgetId={budget.id} month={month.month} plan={month.plan} /> : formatMoney(month.plan)}</td>
                <td className="numeric">{formatMoney(month.actual)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MonthPlanInput({ budgetId, month, plan }: { budgetId: string; month: number; plan: string }) {
  const [value, setValue] = useState(plan);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, save] = useMutation(SetBudgetMonthMutation);
  async function commit() {
    const amount = parseMoneyInput(value);
    if (!amount) return setError(T.invalidAmount);
    if (amount === plan) return setError(null);
    const outcome = (await save({ id: budgetId, month, amount })).data?.setBudgetMonth;
    setError(outcome?.__typename === 'ValidationError' ? outcome.fieldErrors.map((entry) => entry.message).join(' ') : null);
  }
  const id = `budget-month-${month}`;
  return (
    <span className="month-input">
      <label htmlFor={id} className="visually-hidden">
        {T.editMonth(MONTHS[month - 1])}
      </label>
      <input id={id} className="input input--compact numeric" inputMode="decimal" value={value} disabled={fetching} onChange={(event) => setValue(event.target.value)} onBlur={() => void commit()} aria-invalid={error ? true : undefined} />
      {error && <span className="field__error">{error}</span>}
    </span>
  );
}

function CreateBudgetForm({ year, teams, onCreated }: { year: number; teams: BudgetsData['teams']; onCreated(): void }) {
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [userId, setUserId] = useState('');
  const [total, setTotal] = useState('');
  const [split, setSplit] = useState<'EVEN' | 'SEASONAL'>('SEASONAL');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, create] = useMutation(CreateBudgetMutation);
  const members = teams.find((team) => team.id === teamId)?.members.filter((member) => member.role === 'SALES' || member.role === 'MANAGER') ?? [];
  async function submit() {
    const amount = parseMoneyInput(total);
    if (!amount) return setErrors({ total: T.invalidAmount });
    const outcome = (await create({ input: { year, teamId, userId: userId || null, total: amount, split } })).data?.createBudget;
    if (outcome?.__typename === 'CreateBudgetSuccess') {
      setTotal('');
      setErrors({});
      onCreated();
    } else if (outcome?.__typename === 'ValidationError') {
      const placed = placeFieldErrors(outcome.fieldErrors, ['year', 'teamId', 'userId', 'total', 'split', 'profile']);
      setErrors({ ...placed.byField, ...(placed.unplaced.length ? { total: placed.unplaced.join(' ') } : {}) });
    }
  }
  return (
    <section className="card" aria-labelledby="budget-create-title">
      <h2 id="budget-create-title">
        {T.create} {year}
      </h2>
      <form className="form" noValidate onSubmit={(event) => (event.preventDefault(), void submit())}>
        {errors.year && <p className="field__error">{errors.year}</p>}
        <div className="form-grid">
          <SelectField id="budget-team" label={T.team} value={teamId} onChange={(value) => (setTeamId(value), setUserId(''))} options={teams.map((team) => ({ value: team.id, label: team.name }))} error={errors.teamId} />
          <SelectField id="budget-user" label={T.member} value={userId} onChange={setUserId} options={[{ value: '', label: T.teamBudget }, ...members.map((member) => ({ value: member.id, label: member.name }))]} error={errors.userId} />
          <TextField id="budget-total" label={T.totalTarget} inputMode="numeric" value={total} onChange={setTotal} error={errors.total} />
          <SelectField id="budget-split" label={T.split} value={split} onChange={(value) => setSplit(value as 'EVEN' | 'SEASONAL')} options={[{ value: 'SEASONAL', label: T.seasonal }, { value: 'EVEN', label: T.even }]} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={fetching || !teamId}>
            {T.createButton}
          </button>
        </div>
      </form>
    </section>
  );
}
