import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { paths } from '../../lib/paths.ts';
import { pipelinePaths } from '../opportunity/paths.ts';
import { searchGroups, type SearchKind } from './search-options.ts';

const HeaderSearchQuery = graphql(`
  query HeaderSearch($text: String!) {
    search(text: $text, first: 5) {
      accountCount
      contactCount
      opportunityCount
      accounts {
        id
        name
        email
        address {
          city
        }
      }
      contacts {
        id
        fullName
        email
        accountId
        account {
          id
          name
        }
      }
      opportunities {
        id
        humanId
        title
        status
        account {
          id
          name
        }
      }
    }
  }
`);

/** Shorter texts match too much to be useful. */
const MIN_LENGTH = 2;

/**
 * The header search's hits for `text` once typing pauses, as groups of links: each hit opens its
 * record, and a group with more matches than hits links to its list searched for the same text.
 */
export function useSearchResults(text: string) {
  const { t } = useTranslation();
  const { worksWithOpportunities } = useViewer();
  const searched = useDebouncedValue(text.trim(), 250);
  const ready = searched.length >= MIN_LENGTH;
  const [{ data, fetching }] = useQuery({ query: HeaderSearchQuery, variables: { text: searched }, pause: !ready, requestPolicy: 'cache-and-network' });
  const results = ready ? data?.search : undefined;

  const groups = useMemo(() => {
    if (!results) return [];
    const query = (key: string) => new URLSearchParams({ [key]: searched });
    const listOf = (kind: SearchKind) =>
      kind === 'accounts'
        ? `${paths.accounts()}?${query('q')}`
        : kind === 'contacts'
          ? `${paths.contacts()}?${query('q')}`
          : worksWithOpportunities
            ? pipelinePaths.opportunities(query('search'))
            : null;
    return searchGroups(
      {
        accounts: {
          count: results.accountCount,
          hits: results.accounts.map((account) => ({
            id: account.id,
            label: account.name,
            detail: [account.address.city, account.email].filter(Boolean).join(' · '),
            href: paths.account(account.id),
          })),
        },
        contacts: {
          count: results.contactCount,
          hits: results.contacts.map((contact) => ({
            id: contact.id,
            label: contact.fullName,
            detail: [contact.account?.name ?? (contact.accountId ? t('common.restrictedAccount') : null), contact.email].filter(Boolean).join(' · '),
            href: paths.contact(contact.id),
          })),
        },
        opportunities: {
          count: results.opportunityCount,
          hits: results.opportunities.map((opportunity) => ({
            id: opportunity.id,
            label: `${opportunity.humanId} ${opportunity.title}`,
            detail: [opportunity.account?.name ?? t('common.restrictedAccount'), t(`opportunity.status.${opportunity.status}`)].join(' · '),
            href: pipelinePaths.opportunity(opportunity.id),
          })),
        },
      },
      listOf,
    );
  }, [results, searched, t, worksWithOpportunities]);

  return { searched, ready, results, groups, fetching };
}
