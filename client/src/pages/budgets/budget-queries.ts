import { graphql } from '../../gql';

export const BudgetsQuery = graphql(`
  query Budgets($year: Int) {
    budgets(year: $year) {
      id year total actualTotal viewerCanEdit split
      team { id name }
      user { id name }
      months { month plan actual }
    }
    teams { id name type members { id name role } }
  }
`);

export const SetBudgetMonthMutation = graphql(`
  mutation SetBudgetMonth($id: ID!, $month: Int!, $amount: Decimal!) {
    setBudgetMonth(id: $id, month: $month, amount: $amount) {
      __typename
      ... on SetBudgetMonthSuccess { budget { id total months { month plan actual } } }
      ... on ValidationError { ...ValidationErrorFields }
    }
  }
`);

export const CreateBudgetMutation = graphql(`
  mutation CreateBudget($input: CreateBudgetInput!) {
    createBudget(input: $input) {
      __typename
      ... on CreateBudgetSuccess { budget { id } }
      ... on ValidationError { ...ValidationErrorFields }
    }
  }
`);
