import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { SettingsUserFieldsFragment } from '../../gql/graphql.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { Notice, type NoticeState } from './Notice.tsx';
import { useActionFailure } from './useFeedback.ts';
import { UserDialog } from './UserDialog.tsx';
import { SettingsUpdateUserMutation, SettingsUsersQuery } from './user-queries.ts';

type Editing = { mode: 'create' } | { mode: 'edit'; user: SettingsUserFieldsFragment } | null;

/**
 * `/settings/users`: administrators see and manage everyone; managers see the users of their teams
 * and manage those the server says they may (`viewerCanManage`).
 */
export function UsersPage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [{ data, error }] = useQuery({ query: SettingsUsersQuery, requestPolicy: 'cache-and-network' });
  const [{ fetching: saving }, updateUser] = useMutation(SettingsUpdateUserMutation);
  const actionFailure = useActionFailure();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<NoticeState>(null);

  if (error && !data) return <QueryError error={error} />;
  if (!data || !viewer) return <Loading what={t('people.users.title')} />;

  const viewerTeamIds = new Set(viewer.teams.map((team) => team.id));
  const users = viewer.role === 'ADMIN' ? data.users : data.users.filter((user) => user.teams.some((team) => viewerTeamIds.has(team.id)));

  async function setActive(user: SettingsUserFieldsFragment, active: boolean) {
    const result = await updateUser({ id: user.id, input: { active } });
    const failure = actionFailure({ outcome: result.data?.updateUser, error: result.error }, t('people.users.notSaved'));
    setNotice(
      failure
        ? { text: failure, error: true }
        : { text: active ? t('people.users.reactivated', { name: user.name }) : t('people.users.deactivated', { name: user.name }) },
    );
  }

  return (
    <section aria-labelledby="users-title">
      <div className="page-header">
        <div>
          <h1 id="users-title">{t('people.users.title')}</h1>
          <p className="muted">{viewer.role === 'ADMIN' ? t('people.users.introAdmin') : t('people.users.introManager')}</p>
        </div>
        <div className="page-header__actions">
          <button type="button" className="button button--primary" onClick={() => setEditing({ mode: 'create' })}>
            {t('people.users.new')}
          </button>
        </div>
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {users.length === 0 ? (
        <p className="empty">{t('people.users.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('people.users.field.name')}</th>
                <th scope="col">{t('people.users.field.email')}</th>
                <th scope="col">{t('people.users.field.role')}</th>
                <th scope="col">{t('people.users.field.teams')}</th>
                <th scope="col">{t('people.users.field.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} data-user={user.email} className={user.active ? undefined : 'settings-row--inactive'}>
                  <td className="table__card-title table__primary">{user.name}</td>
                  <td data-label={t('people.users.field.email')} className="settings-cell--wrap">
                    {user.email}
                  </td>
                  <td data-label={t('people.users.field.role')}>{t(`people.role.${user.role}`)}</td>
                  <td data-label={t('people.users.field.teams')}>
                    {user.teams.length > 0 ? user.teams.map((team) => team.name).join(', ') : t('people.users.noTeam')}
                  </td>
                  <td data-label={t('people.users.field.status')}>
                    <span className={`status ${user.active ? 'status--customer' : 'status--inactive'}`}>
                      {user.active ? t('people.users.active') : t('people.users.inactive')}
                    </span>
                  </td>
                  <td data-label={t('common.actions')}>
                    {user.viewerCanManage && (
                      <div className="settings-actions">
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => setEditing({ mode: 'edit', user })}
                          aria-label={t('common.editNamed', { name: user.name })}
                        >
                          {t('common.edit')}
                        </button>
                        {user.id !== viewer.id &&
                          (user.active ? (
                            <ConfirmButton
                              key="deactivate"
                              small
                              label={t('people.users.deactivate')}
                              question={t('people.users.deactivateQuestion', { name: user.name })}
                              confirmLabel={t('people.users.deactivate')}
                              busy={saving}
                              onConfirm={() => setActive(user, false)}
                            />
                          ) : (
                            <ConfirmButton
                              key="reactivate"
                              small
                              tone="neutral"
                              label={t('people.users.reactivate')}
                              question={t('people.users.reactivateQuestion', { name: user.name })}
                              confirmLabel={t('people.users.reactivate')}
                              busy={saving}
                              onConfirm={() => setActive(user, true)}
                            />
                          ))}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <UserDialog
          user={editing.mode === 'edit' ? editing.user : undefined}
          viewer={viewer}
          teams={data.teams}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setNotice({ text: created ? t('people.users.created', { name: saved.name }) : t('people.users.saved', { name: saved.name }) });
          }}
        />
      )}
    </section>
  );
}
