import { graphql } from '../../gql';

export const SettingsTeamsQuery = graphql(`
  query SettingsTeams {
    teams {
      id
      name
      type
      members {
        id
        name
        active
      }
    }
  }
`);

export const SettingsCreateTeamMutation = graphql(`
  mutation SettingsCreateTeam($name: String!, $type: TeamType) {
    createTeam(name: $name, type: $type) {
      __typename
      ... on CreateTeamSuccess {
        team {
          id
          name
          type
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsUpdateTeamMutation = graphql(`
  mutation SettingsUpdateTeam($id: ID!, $name: String, $type: TeamType) {
    updateTeam(id: $id, name: $name, type: $type) {
      __typename
      ... on UpdateTeamSuccess {
        team {
          id
          name
          type
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsDeleteTeamMutation = graphql(`
  mutation SettingsDeleteTeam($id: ID!) {
    deleteTeam(id: $id) {
      __typename
      ... on DeleteTeamSuccess {
        deletedId
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);
