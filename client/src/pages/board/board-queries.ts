import { graphql } from '../../gql';

export const BoardPipelinesQuery = graphql(`
  query BoardPipelines {
    pipelines {
      id
      name
      kind
      stages {
        id
        name
        probability
        position
      }
    }
  }
`);

export const BoardFilterOptionsQuery = graphql(`
  query BoardFilterOptions {
    users {
      id
      name
    }
    teams {
      id
      name
    }
  }
`);

export const BoardQuery = graphql(`
  query Board($pipelineId: ID!, $filter: OpportunityFilter, $cardsPerStage: Int) {
    board(pipelineId: $pipelineId, filter: $filter, cardsPerStage: $cardsPerStage) {
      pipeline {
        id
        name
        kind
      }
      columns {
        count
        amount
        weightedAmount
        hasMoreCards
        stage {
          id
          name
          probability
          position
        }
        cards {
          ...BoardCardFields
        }
      }
    }
  }
`);

export const BoardCardFields = graphql(`
  fragment BoardCardFields on Opportunity {
    id
    humanId
    title
    version
    amount
    probability
    weightedAmount
    expectedCloseDate
    isStale
    daysWithoutActivity
    viewerCanEdit
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
    nextOpenActivity {
      id
      type
      subject
      dueAt
      status
    }
  }
`);

export const MoveOpportunityMutation = graphql(`
  mutation MoveOpportunity($id: ID!, $stageId: ID!, $version: Int) {
    moveOpportunity(id: $id, stageId: $stageId, version: $version) {
      __typename
      ... on MoveOpportunitySuccess {
        opportunity {
          id
          version
          probability
          stage {
            id
          }
        }
      }
      ... on ConflictError {
        ...ConflictErrorFields
        current {
          id
          stage {
            id
            name
          }
        }
      }
      ... on OpportunityClosedError {
        ...OpportunityClosedErrorFields
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const CreateOpportunityMutation = graphql(`
  mutation CreateOpportunity($input: CreateOpportunityInput!) {
    createOpportunity(input: $input) {
      __typename
      ... on CreateOpportunitySuccess {
        opportunity {
          id
          humanId
          title
          pipeline {
            id
            name
          }
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

export const BoardChangedSubscription = graphql(`
  subscription BoardChanged($pipelineId: ID!, $filter: OpportunityFilter) {
    boardChanged(pipelineId: $pipelineId) {
      kind
      opportunityId
      version
      stageId
      previousStageId
      onBoard(filter: $filter)
      actor {
        id
        name
      }
      opportunity {
        ...BoardCardFields
        status
      }
    }
  }
`);
