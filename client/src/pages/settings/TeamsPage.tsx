import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { TeamType } from '../../gql/graphql.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { Notice, type NoticeState } from './Notice.tsx';
import { TeamDialog } from './TeamDialog.tsx';
import { SettingsDeleteTeamMutation, SettingsTeamsQuery } from './team-queries.ts';
import { useActionFailure } from './useFeedback.ts';

// Also when no team was listed yet, and after a deletion (which returns only the id).
const TEAM_CHANGE = { additionalTypenames: ['Team'] };

type Editing = { mode: 'create' } | { mode: 'edit'; team: { id: string; name: string; type: TeamType } } | null;

/**
 * `/settings/teams`: administrators create, rename, retype and delete teams (only SALES teams
 * appear in budgets); managers see their own teams and who is in them.
 */
export function TeamsPage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [{ data, error }] = useQuery({ query: SettingsTeamsQuery, requestPolicy: 'cache-and-network', context: TEAM_CHANGE });
  const [{ fetching: deleting }, deleteTeam] = useMutation(SettingsDeleteTeamMutation);
  const actionFailure = useActionFailure();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<NoticeState>(null);

  if (error && !data) return <QueryError error={error} />;
  if (!data || !viewer) return <Loading what={t('people.teams.title')} />;

  const isAdmin = viewer.role === 'ADMIN';
  const teams = isAdmin ? data.teams : data.teams.filter((team) => viewer.teams.some((own) => own.id === team.id));

  async function handleDelete(team: { id: string; name: string }) {
    const result = await deleteTeam({ id: team.id }, TEAM_CHANGE);
    const failure = actionFailure({ outcome: result.data?.deleteTeam, error: result.error }, t('people.teams.notDeleted'), {
      NOT_EMPTY: t('people.teams.hasMembers', { name: team.name }),
      IN_USE: t('people.teams.hasRecords', { name: team.name }),
    });
    setNotice(failure ? { text: failure, error: true } : { text: t('people.teams.deleted', { name: team.name }) });
  }

  return (
    <section aria-labelledby="teams-title">
      <div className="page-header">
        <div>
          <h1 id="teams-title">{t('people.teams.title')}</h1>
          <p className="muted">{isAdmin ? t('people.teams.introAdmin') : t('people.teams.introManager')}</p>
        </div>
        {isAdmin && (
          <div className="page-header__actions">
            <button type="button" className="button button--primary" onClick={() => setEditing({ mode: 'create' })}>
              {t('people.teams.new')}
            </button>
          </div>
        )}
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {teams.length === 0 ? (
        <p className="empty">{t('people.teams.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards" data-testid="teams-table">
            <thead>
              <tr>
                <th scope="col">{t('people.teams.field.name')}</th>
                <th scope="col">{t('people.teams.field.type')}</th>
                <th scope="col">{t('people.teams.field.members')}</th>
                {isAdmin && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id} data-team={team.name}>
                  <td className="table__card-title table__primary">{team.name}</td>
                  <td data-label={t('people.teams.field.type')}>{t(`people.teamType.${team.type}`)}</td>
                  <td data-label={t('people.teams.field.members')} className="settings-cell--wrap">
                    {team.members.length === 0
                      ? t('people.teams.noMembers')
                      : team.members.map((member) => (member.active ? member.name : t('people.teams.inactiveMember', { name: member.name }))).join(', ')}
                  </td>
                  {isAdmin && (
                    <td data-label={t('common.actions')}>
                      <div className="settings-actions">
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t('common.editNamed', { name: team.name })}
                          onClick={() => setEditing({ mode: 'edit', team })}
                        >
                          {t('common.edit')}
                        </button>
                        <ConfirmButton
                          small
                          label={t('common.delete')}
                          question={t('people.teams.deleteQuestion', { name: team.name })}
                          confirmLabel={t('common.delete')}
                          busy={deleting}
                          onConfirm={() => handleDelete(team)}
                        />
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <TeamDialog
          team={editing.mode === 'edit' ? editing.team : undefined}
          onClose={() => setEditing(null)}
          onSaved={(name, created) => {
            setEditing(null);
            setNotice({ text: created ? t('people.teams.created', { name }) : t('people.teams.saved', { name }) });
          }}
        />
      )}
    </section>
  );
}
