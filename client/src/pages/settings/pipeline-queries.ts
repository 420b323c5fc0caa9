import { graphql } from '../../gql';

export const SettingsPipelineFields = graphql(`
  fragment SettingsPipelineFields on Pipeline {
    id
    name
    kind
    position
    opportunityCount
    stages {
      id
      name
      probability
      position
      opportunityCount
    }
    activityPlan {
      type
      subject
      dayOffset
      durationMinutes
    }
  }
`);

export const SettingsPipelinesQuery = graphql(`
  query SettingsPipelines {
    pipelines {
      ...SettingsPipelineFields
    }
  }
`);

export const SettingsCreatePipelineMutation = graphql(`
  mutation SettingsCreatePipeline($input: CreatePipelineInput!) {
    createPipeline(input: $input) {
      __typename
      ... on CreatePipelineSuccess {
        pipeline {
          ...SettingsPipelineFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsRenamePipelineMutation = graphql(`
  mutation SettingsRenamePipeline($id: ID!, $name: String!) {
    renamePipeline(id: $id, name: $name) {
      __typename
      ... on RenamePipelineSuccess {
        pipeline {
          id
          name
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsReorderPipelinesMutation = graphql(`
  mutation SettingsReorderPipelines($ids: [ID!]!) {
    reorderPipelines(ids: $ids) {
      __typename
      ... on ReorderPipelinesSuccess {
        pipelines {
          id
          position
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsDeletePipelineMutation = graphql(`
  mutation SettingsDeletePipeline($id: ID!) {
    deletePipeline(id: $id) {
      __typename
      ... on DeletePipelineSuccess {
        deletedId
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsAddStageMutation = graphql(`
  mutation SettingsAddStage($pipelineId: ID!, $name: String!, $probability: Int!) {
    addStage(pipelineId: $pipelineId, name: $name, probability: $probability) {
      __typename
      ... on AddStageSuccess {
        stage {
          id
          name
          probability
          position
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsUpdateStageMutation = graphql(`
  mutation SettingsUpdateStage($id: ID!, $name: String, $probability: Int) {
    updateStage(id: $id, name: $name, probability: $probability) {
      __typename
      ... on UpdateStageSuccess {
        stage {
          id
          name
          probability
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsReorderStagesMutation = graphql(`
  mutation SettingsReorderStages($pipelineId: ID!, $stageIds: [ID!]!) {
    reorderStages(pipelineId: $pipelineId, stageIds: $stageIds) {
      __typename
      ... on ReorderStagesSuccess {
        pipeline {
          id
          stages {
            id
            position
          }
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsDeleteStageMutation = graphql(`
  mutation SettingsDeleteStage($id: ID!) {
    deleteStage(id: $id) {
      __typename
      ... on DeleteStageSuccess {
        pipeline {
          id
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsSetActivityPlanMutation = graphql(`
  mutation SettingsSetActivityPlan($pipelineId: ID!, $steps: [ActivityPlanStepInput!]!) {
    setActivityPlan(pipelineId: $pipelineId, steps: $steps) {
      __typename
      ... on SetActivityPlanSuccess {
        pipeline {
          id
          activityPlan {
            type
            subject
            dayOffset
            durationMinutes
          }
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);
