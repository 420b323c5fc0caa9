import { graphql } from '../../gql';

// The named lookup lists' documents: loss reasons, sources, tags (entries with an id).

export const SettingsLossReasonsQuery = graphql(`
  query SettingsLossReasons {
    lossReasons(includeInactive: true) {
      id
      name
      active
    }
  }
`);

export const SettingsCreateLossReasonMutation = graphql(`
  mutation SettingsCreateLossReason($name: String!) {
    createLossReason(name: $name) {
      __typename
      ... on CreateLossReasonSuccess {
        lossReason { id name active }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsRenameLossReasonMutation = graphql(`
  mutation SettingsRenameLossReason($id: ID!, $name: String!) {
    renameLossReason(id: $id, name: $name) {
      __typename
      ... on RenameLossReasonSuccess {
        lossReason { id name active }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsSetLossReasonActiveMutation = graphql(`
  mutation SettingsSetLossReasonActive($id: ID!, $active: Boolean!) {
    setLossReasonActive(id: $id, active: $active) {
      __typename
      ... on SetLossReasonActiveSuccess {
        lossReason { id name active }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsReorderLossReasonsMutation = graphql(`
  mutation SettingsReorderLossReasons($ids: [ID!]!) {
    reorderLossReasons(ids: $ids) {
      __typename
      ... on ReorderLossReasonsSuccess {
        lossReasons { id name active }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsDeleteLossReasonMutation = graphql(`
  mutation SettingsDeleteLossReason($id: ID!) {
    deleteLossReason(id: $id) {
      __typename
      ... on DeleteLossReasonSuccess {
        deletedId
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsSourcesQuery = graphql(`
  query SettingsSources {
    sources {
      id
      name
      active
    }
  }
`);

export const SettingsCreateSourceMutation = graphql(`
  mutation SettingsCreateSource($name: String!) {
    createSource(name: $name) {
      __typename
      ... on CreateSourceSuccess {
        source { id name active }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsRenameSourceMutation = graphql(`
  mutation SettingsRenameSource($id: ID!, $name: String!) {
    renameSource(id: $id, name: $name) {
      __typename
      ... on RenameSourceSuccess {
        source { id name active }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsSetSourceActiveMutation = graphql(`
  mutation SettingsSetSourceActive($id: ID!, $active: Boolean!) {
    setSourceActive(id: $id, active: $active) {
      __typename
      ... on SetSourceActiveSuccess {
        source { id name active }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsReorderSourcesMutation = graphql(`
  mutation SettingsReorderSources($ids: [ID!]!) {
    reorderSources(ids: $ids) {
      __typename
      ... on ReorderSourcesSuccess {
        sources { id name active }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsDeleteSourceMutation = graphql(`
  mutation SettingsDeleteSource($id: ID!) {
    deleteSource(id: $id) {
      __typename
      ... on DeleteSourceSuccess {
        deletedId
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsTagsQuery = graphql(`
  query SettingsTags {
    tags {
      id
      name
      color
    }
  }
`);

export const SettingsCreateTagMutation = graphql(`
  mutation SettingsCreateTag($name: String!, $color: String) {
    createTag(name: $name, color: $color) {
      __typename
      ... on CreateTagSuccess {
        tag { id name color }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsUpdateTagMutation = graphql(`
  mutation SettingsUpdateTag($id: ID!, $name: String, $color: String) {
    updateTag(id: $id, name: $name, color: $color) {
      __typename
      ... on UpdateTagSuccess {
        tag { id name color }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsDeleteTagMutation = graphql(`
  mutation SettingsDeleteTag($id: ID!) {
    deleteTag(id: $id) {
      __typename
      ... on DeleteTagSuccess {
        deletedId
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);
