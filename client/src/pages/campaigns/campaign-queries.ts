import { graphql } from '../../gql';

export const CampaignListQuery = graphql(`
  query CampaignList($search: String, $first: Int, $after: String) {
    campaigns(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id name type status startDate endDate cost
          results { openCount wonCount lostCount pipelineValue revenue returnOnCost }
        }
      }
    }
  }
`);

export const CampaignDetailQuery = graphql(`
  query CampaignDetail($id: ID!, $statuses: [OpportunityStatus!]) {
    campaign(id: $id) {
      id name type status startDate endDate cost description viewerCanEdit
      results { openCount wonCount lostCount pipelineValue wonAmount revenue cost returnOnCost }
      opportunities(first: 100, statuses: $statuses) {
        totalCount
        edges { node { id humanId title status amount owner { name } account { name } } }
      }
    }
  }
`);

export const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      __typename
      ... on CreateCampaignSuccess { campaign { id } }
      ... on ValidationError { ...ValidationErrorFields }
    }
  }
`);

export const UpdateCampaignMutation = graphql(`
  mutation UpdateCampaign($id: ID!, $input: UpdateCampaignInput!) {
    updateCampaign(id: $id, input: $input) {
      __typename
      ... on UpdateCampaignSuccess { campaign { id name type status startDate endDate cost description } }
      ... on ValidationError { ...ValidationErrorFields }
    }
  }
`);

export const OpportunityCampaignQuery = graphql(`
  query OpportunityCampaign($id: ID!) {
    opportunity(id: $id) { id version status viewerCanEdit campaign { id name } }
    campaigns(first: 100) { edges { node { id name status } } }
  }
`);

export const SetOpportunityCampaignMutation = graphql(`
  mutation SetOpportunityCampaign($id: ID!, $campaignId: ID, $version: Int) {
    updateOpportunity(id: $id, input: { campaignId: $campaignId }, version: $version) {
      __typename
      ... on UpdateOpportunitySuccess { opportunity { id version campaign { id name } } }
      ... on Error { message }
    }
  }
`);
