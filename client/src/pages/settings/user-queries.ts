import { graphql } from '../../gql';

export const SettingsUserFields = graphql(`
  fragment SettingsUserFields on User {
    id
    name
    email
    role
    active
    viewerCanManage
    teams {
      id
      name
    }
  }
`);

export const SettingsUsersQuery = graphql(`
  query SettingsUsers {
    users(includeInactive: true) {
      ...SettingsUserFields
    }
    teams {
      id
      name
      type
    }
  }
`);

export const SettingsCreateUserMutation = graphql(`
  mutation SettingsCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on CreateUserSuccess {
        user {
          ...SettingsUserFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsUpdateUserMutation = graphql(`
  mutation SettingsUpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      __typename
      ... on UpdateUserSuccess {
        user {
          ...SettingsUserFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsResetPasswordMutation = graphql(`
  mutation SettingsResetPassword($id: ID!, $newPassword: String!) {
    resetUserPassword(id: $id, newPassword: $newPassword) {
      __typename
      ... on ResetUserPasswordSuccess {
        user {
          id
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);
