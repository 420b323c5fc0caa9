import { graphql } from '../../gql';

// The keyed lookup lists' documents: priorities, forecast categories and customer (lifecycle)
// statuses, entries with a stable key.

export const SettingsPrioritiesQuery = graphql(`
  query SettingsPriorities {
    priorities {
      key
      label
      builtIn
    }
  }
`);

export const SettingsCreatePriorityMutation = graphql(`
  mutation SettingsCreatePriority($key: String!, $label: String!) {
    createPriority(key: $key, label: $label) {
      __typename
      ... on CreatePrioritySuccess {
        entry { key label builtIn }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsRelabelPriorityMutation = graphql(`
  mutation SettingsRelabelPriority($key: String!, $label: String!) {
    relabelPriority(key: $key, label: $label) {
      __typename
      ... on RelabelPrioritySuccess {
        entry { key label builtIn }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsReorderPrioritiesMutation = graphql(`
  mutation SettingsReorderPriorities($keys: [String!]!) {
    reorderPriorities(keys: $keys) {
      __typename
      ... on ReorderPrioritiesSuccess {
        entries { key label builtIn }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsDeletePriorityMutation = graphql(`
  mutation SettingsDeletePriority($key: String!) {
    deletePriority(key: $key) {
      __typename
      ... on DeletePrioritySuccess {
        deletedKey
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsForecastCategoriesQuery = graphql(`
  query SettingsForecastCategories {
    forecastCategories {
      key
      label
      builtIn
    }
  }
`);

export const SettingsCreateForecastCategoryMutation = graphql(`
  mutation SettingsCreateForecastCategory($key: String!, $label: String!) {
    createForecastCategory(key: $key, label: $label) {
      __typename
      ... on CreateForecastCategorySuccess {
        entry { key label builtIn }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsRelabelForecastCategoryMutation = graphql(`
  mutation SettingsRelabelForecastCategory($key: String!, $label: String!) {
    relabelForecastCategory(key: $key, label: $label) {
      __typename
      ... on RelabelForecastCategorySuccess {
        entry { key label builtIn }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsReorderForecastCategoriesMutation = graphql(`
  mutation SettingsReorderForecastCategories($keys: [String!]!) {
    reorderForecastCategories(keys: $keys) {
      __typename
      ... on ReorderForecastCategoriesSuccess {
        entries { key label builtIn }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsDeleteForecastCategoryMutation = graphql(`
  mutation SettingsDeleteForecastCategory($key: String!) {
    deleteForecastCategory(key: $key) {
      __typename
      ... on DeleteForecastCategorySuccess {
        deletedKey
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsLifecycleStatusesQuery = graphql(`
  query SettingsLifecycleStatuses {
    lifecycleStatuses {
      key
      label
      builtIn
    }
  }
`);

export const SettingsCreateLifecycleStatusMutation = graphql(`
  mutation SettingsCreateLifecycleStatus($key: String!, $label: String!) {
    createLifecycleStatus(key: $key, label: $label) {
      __typename
      ... on CreateLifecycleStatusSuccess {
        entry { key label builtIn }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsRelabelLifecycleStatusMutation = graphql(`
  mutation SettingsRelabelLifecycleStatus($key: String!, $label: String!) {
    relabelLifecycleStatus(key: $key, label: $label) {
      __typename
      ... on RelabelLifecycleStatusSuccess {
        entry { key label builtIn }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsReorderLifecycleStatusesMutation = graphql(`
  mutation SettingsReorderLifecycleStatuses($keys: [String!]!) {
    reorderLifecycleStatuses(keys: $keys) {
      __typename
      ... on ReorderLifecycleStatusesSuccess {
        entries { key label builtIn }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsDeleteLifecycleStatusMutation = graphql(`
  mutation SettingsDeleteLifecycleStatus($key: String!) {
    deleteLifecycleStatus(key: $key) {
      __typename
      ... on DeleteLifecycleStatusSuccess {
        deletedKey
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);
