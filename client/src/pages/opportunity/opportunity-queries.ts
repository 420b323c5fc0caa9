import { graphql } from '../../gql';

export const OpportunityDetailFields = graphql(`
  fragment OpportunityDetailFields on Opportunity {
    id
    humanId
    title
    kind
    status
    version
    viewerCanEdit
    isFollowedByViewer
    isStale
    daysWithoutActivity
    amount
    probability
    weightedAmount
    expectedCloseDate
    revenueStartDate
    deliveryDate
    dealStartDate
    competitor
    nextStep
    description
    winLossReport
    closedAt
    createdAt
    updatedAt
    stageEnteredAt
    accountId
    account {
      id
      name
    }
    contact {
      id
      fullName
    }
    owner {
      id
      name
    }
    team {
      id
      name
    }
    pipeline {
      id
      name
      kind
    }
    stage {
      id
      name
      probability
    }
    priority {
      key
      label
    }
    source {
      id
      name
    }
    forecastCategory {
      key
      label
    }
    tags {
      id
      name
      color
    }
    lossReason {
      id
      name
    }
    lines {
      id
      position
      description
      quantity
      unitPrice
      discountPercent
      total
      product {
        id
        name
        sku
        unit
      }
    }
    followers {
      id
      name
    }
  }
`);

export const OpportunityDetailQuery = graphql(`
  query OpportunityDetail($id: ID, $humanId: String) {
    opportunity(id: $id, humanId: $humanId) {
      ...OpportunityDetailFields
    }
  }
`);

export const OpportunityFormOptionsQuery = graphql(`
  query OpportunityFormOptions {
    users {
      id
      name
    }
    teams {
      id
      name
    }
    pipelines {
      id
      name
      kind
      stages {
        id
        name
        probability
      }
    }
    priorities {
      key
      label
    }
    sources {
      id
      name
      active
    }
    forecastCategories {
      key
      label
    }
    tags {
      id
      name
      color
    }
  }
`);

export const OpportunityContactOptionsQuery = graphql(`
  query OpportunityContactOptions($accountId: ID!) {
    contacts(accountId: $accountId, first: 100, orderBy: { field: LAST_NAME }) {
      edges {
        node {
          id
          fullName
        }
      }
    }
  }
`);

export const UpdateOpportunityMutation = graphql(`
  mutation UpdateOpportunity($id: ID!, $input: UpdateOpportunityInput!, $version: Int) {
    updateOpportunity(id: $id, input: $input, version: $version) {
      __typename
      ... on UpdateOpportunitySuccess {
        opportunity {
          ...OpportunityDetailFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
      ... on ConflictError {
        ...ConflictErrorFields
        current {
          ...OpportunityDetailFields
        }
      }
      ... on OpportunityClosedError {
        ...OpportunityClosedErrorFields
      }
    }
  }
`);

export const SetOpportunityLinesMutation = graphql(`
  mutation SetOpportunityLines($id: ID!, $lines: [OpportunityLineInput!]!, $version: Int) {
    setOpportunityLines(id: $id, lines: $lines, version: $version) {
      __typename
      ... on SetOpportunityLinesSuccess {
        opportunity {
          ...OpportunityDetailFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
      ... on ConflictError {
        ...ConflictErrorFields
      }
      ... on OpportunityClosedError {
        ...OpportunityClosedErrorFields
      }
    }
  }
`);

export const WinOpportunityMutation = graphql(`
  mutation WinOpportunity($id: ID!, $version: Int, $winLossReport: String) {
    winOpportunity(id: $id, version: $version, winLossReport: $winLossReport) {
      __typename
      ... on WinOpportunitySuccess {
        opportunity {
          ...OpportunityDetailFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
      ... on ConflictError {
        ...ConflictErrorFields
      }
      ... on OpportunityClosedError {
        ...OpportunityClosedErrorFields
      }
    }
  }
`);

export const LoseOpportunityMutation = graphql(`
  mutation LoseOpportunity($id: ID!, $version: Int, $lossReasonId: ID, $winLossReport: String) {
    loseOpportunity(id: $id, version: $version, lossReasonId: $lossReasonId, winLossReport: $winLossReport) {
      __typename
      ... on LoseOpportunitySuccess {
        opportunity {
          ...OpportunityDetailFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
      ... on ConflictError {
        ...ConflictErrorFields
      }
      ... on OpportunityClosedError {
        ...OpportunityClosedErrorFields
      }
    }
  }
`);

export const ReopenOpportunityMutation = graphql(`
  mutation ReopenOpportunity($id: ID!, $version: Int) {
    reopenOpportunity(id: $id, version: $version) {
      __typename
      ... on ReopenOpportunitySuccess {
        opportunity {
          ...OpportunityDetailFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
      ... on ConflictError {
        ...ConflictErrorFields
      }
      ... on OpportunityClosedError {
        ...OpportunityClosedErrorFields
      }
    }
  }
`);

export const ConvertToDealMutation = graphql(`
  mutation ConvertToDeal($id: ID!, $version: Int, $pipelineId: ID) {
    convertToDeal(id: $id, version: $version, pipelineId: $pipelineId) {
      __typename
      ... on ConvertToDealSuccess {
        opportunity {
          ...OpportunityDetailFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
      ... on ConflictError {
        ...ConflictErrorFields
      }
      ... on OpportunityClosedError {
        ...OpportunityClosedErrorFields
      }
    }
  }
`);

export const FollowOpportunityMutation = graphql(`
  mutation FollowOpportunity($id: ID!) {
    followOpportunity(id: $id) {
      __typename
      ... on FollowOpportunitySuccess {
        opportunity {
          id
          isFollowedByViewer
          followers {
            id
            name
          }
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const UnfollowOpportunityMutation = graphql(`
  mutation UnfollowOpportunity($id: ID!) {
    unfollowOpportunity(id: $id) {
      __typename
      ... on UnfollowOpportunitySuccess {
        opportunity {
          id
          isFollowedByViewer
          followers {
            id
            name
          }
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const OpportunityChangedSubscription = graphql(`
  subscription OpportunityChanged($id: ID!) {
    opportunityChanged(id: $id) {
      kind
      version
      actor {
        id
        name
      }
      changes {
        field
      }
    }
  }
`);
