import { graphql } from '../../gql';

/** One row of an opportunity table: everything any of its columns shows. */
export const OpportunityRowFields = graphql(`
  fragment OpportunityRowFields on Opportunity {
    id
    humanId
    title
    kind
    status
    amount
    weightedAmount
    probability
    expectedCloseDate
    lastActivityAt
    daysWithoutActivity
    isStale
    accountId
    account {
      id
      name
    }
    contact {
      id
      fullName
    }
    pipeline {
      id
      name
    }
    stage {
      id
      name
    }
    owner {
      id
      name
    }
    team {
      id
      name
    }
    source {
      id
      name
    }
    tags {
      id
      name
      color
    }
  }
`);

export const OpportunityListQuery = graphql(`
  query OpportunityList($filter: OpportunityFilter, $orderBy: OpportunityOrder, $first: Int, $after: String, $last: Int, $before: String) {
    opportunities(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...OpportunityRowFields
        }
      }
    }
  }
`);

/** What the filters offer to choose from. */
export const OpportunityFilterOptionsQuery = graphql(`
  query OpportunityFilterOptions {
    pipelines {
      id
      name
      kind
      stages {
        id
        name
        position
      }
    }
    users {
      id
      name
    }
    teams {
      id
      name
    }
    tags {
      id
      name
    }
    sources {
      id
      name
      active
    }
  }
`);

export const SavedViewFields = graphql(`
  fragment SavedViewFields on SavedView {
    id
    name
    position
    filters
    columns
    sort {
      field
      direction
    }
  }
`);

export const SavedViewsQuery = graphql(`
  query SavedViews($list: SavedViewList!) {
    savedViews(list: $list) {
      ...SavedViewFields
    }
  }
`);

export const CreateSavedViewMutation = graphql(`
  mutation CreateSavedView($input: CreateSavedViewInput!) {
    createSavedView(input: $input) {
      __typename
      ... on CreateSavedViewSuccess {
        savedView {
          ...SavedViewFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const UpdateSavedViewMutation = graphql(`
  mutation UpdateSavedView($id: ID!, $input: UpdateSavedViewInput!) {
    updateSavedView(id: $id, input: $input) {
      __typename
      ... on UpdateSavedViewSuccess {
        savedView {
          ...SavedViewFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const DeleteSavedViewMutation = graphql(`
  mutation DeleteSavedView($id: ID!) {
    deleteSavedView(id: $id) {
      __typename
      ... on DeleteSavedViewSuccess {
        deletedId
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const ReorderSavedViewsMutation = graphql(`
  mutation ReorderSavedViews($list: SavedViewList!, $ids: [ID!]!) {
    reorderSavedViews(list: $list, ids: $ids) {
      __typename
      ... on ReorderSavedViewsSuccess {
        savedViews {
          ...SavedViewFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);
