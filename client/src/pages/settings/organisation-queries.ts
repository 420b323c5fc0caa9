import { graphql } from '../../gql';

export const SettingsOrganisationFields = graphql(`
  fragment SettingsOrganisationFields on OrganisationSettings {
    staleAfterDays
    currency
    timeZone
    updatedAt
    letterhead {
      companyName
      street
      postalCode
      city
      country
      phone
      email
      website
      vatId
      taxNumber
      registerEntry
      managingDirectors
      bankName
      iban
      bic
    }
  }
`);

export const SettingsOrganisationQuery = graphql(`
  query SettingsOrganisation {
    organisationSettings {
      ...SettingsOrganisationFields
    }
  }
`);

export const SettingsUpdateOrganisationMutation = graphql(`
  mutation SettingsUpdateOrganisation($input: UpdateOrganisationSettingsInput!) {
    updateOrganisationSettings(input: $input) {
      __typename
      ... on UpdateOrganisationSettingsSuccess {
        settings {
          ...SettingsOrganisationFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);
