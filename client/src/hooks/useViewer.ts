import { useQuery } from 'urql';
import { SELLING_ROLES } from '../components/nav-items.ts';
import { graphql } from '../gql';

const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      role
      locale
      teams {
        id
        name
      }
    }
  }
`);

/** The signed-in user (`me`), shared through the cache by the header and the pages. */
export function useViewer() {
  const [{ data, fetching, error }] = useQuery({ query: MeQuery });
  const viewer = data?.me ?? null;
  return {
    viewer,
    /** The server answered and knows no user for this token. */
    signedOut: data !== undefined && data.me === null,
    fetching,
    error,
    /** SERVICE users read customers but create and change none. */
    canCreateCustomers: viewer !== null && viewer.role !== 'SERVICE',
    /** Opportunities, the board and tasks are for the selling roles; SERVICE users see none. */
    worksWithOpportunities: viewer !== null && SELLING_ROLES.includes(viewer.role),
  };
}
