import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import type { Role, SettingsUserFieldsFragment, TeamType } from '../../gql/graphql.ts';
import { ResetPasswordForm } from './ResetPasswordForm.tsx';
import { TeamChecklist } from './TeamChecklist.tsx';
import { useFeedback } from './useFeedback.ts';
import { SettingsCreateUserMutation, SettingsUpdateUserMutation } from './user-queries.ts';

const ALL_ROLES: readonly Role[] = ['SALES', 'MANAGER', 'ADMIN', 'SERVICE'];
/** What a manager may make of a user (the server refuses the rest). */
const MANAGER_ROLES: readonly Role[] = ['SALES', 'SERVICE'];
const CREATE_FIELDS = ['name', 'email', 'role', 'teamIds', 'initialPassword'] as const;
const EDIT_FIELDS = ['name', 'email', 'role', 'teamIds', 'active'] as const;

interface Props {
  /** The user to change; a new one when absent. */
  user?: SettingsUserFieldsFragment;
  viewer: { id: string; role: Role; teams: readonly { id: string; name: string }[] };
  teams: readonly { id: string; name: string; type: TeamType }[];
  onClose(): void;
  onSaved(user: SettingsUserFieldsFragment, created: boolean): void;
}

/**
 * Create a user or change one's name, e-mail, role and teams. Managers choose among their own
 * teams and the roles below theirs; a user's other teams stay as they are.
 */
export function UserDialog({ user, viewer, teams, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const isAdmin = viewer.role === 'ADMIN';
  const assignable = isAdmin ? teams : teams.filter((team) => viewer.teams.some((own) => own.id === team.id));
  const assignableIds = new Set(assignable.map((team) => team.id));
  const otherTeams = (user?.teams ?? []).filter((team) => !assignableIds.has(team.id));
  const roles = isAdmin ? ALL_ROLES : MANAGER_ROLES;
  const editingSelf = user?.id === viewer.id;

  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'SALES');
  const [teamIds, setTeamIds] = useState<string[]>(
    (user?.teams ?? (assignable.length === 1 ? assignable : [])).map((team) => team.id).filter((id) => assignableIds.has(id)),
  );
  const [password, setPassword] = useState('');
  const { feedback, accept } = useFeedback(user ? EDIT_FIELDS : CREATE_FIELDS);
  const [{ fetching: creating }, createUser] = useMutation(SettingsCreateUserMutation);
  const [{ fetching: updating }, updateUser] = useMutation(SettingsUpdateUserMutation);
  const title = user ? t('common.editNamed', { name: user.name }) : t('people.users.new');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const chosenTeams = [...otherTeams.map((team) => team.id), ...teamIds];
    if (user) {
      const result = await updateUser({
        id: user.id,
        input: { name, email, teamIds: chosenTeams, ...(editingSelf ? {} : { role }) },
      });
      const outcome = result.data?.updateUser;
      if (accept({ outcome, error: result.error }, t('people.users.notSaved')) && outcome?.__typename === 'UpdateUserSuccess') onSaved(outcome.user, false);
    } else {
      const result = await createUser({ input: { name, email, role, teamIds: chosenTeams, initialPassword: password } });
      const outcome = result.data?.createUser;
      if (accept({ outcome, error: result.error }, t('people.users.notSaved')) && outcome?.__typename === 'CreateUserSuccess') onSaved(outcome.user, true);
    }
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label={title}>
        <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
        <TextField id="user-name" label={t('people.users.field.name')} required value={name} onChange={setName} error={feedback.errors.name} autoFocus />
        <TextField
          id="user-email"
          label={t('people.users.field.email')}
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={feedback.errors.email}
        />
        {editingSelf ? (
          <p className="settings-readonly">
            <span className="field__label">{t('people.users.field.role')}</span> {t(`people.role.${role}`)}
            <span className="field__hint">{t('people.users.ownRole')}</span>
          </p>
        ) : (
          <SelectField
            id="user-role"
            label={t('people.users.field.role')}
            value={role}
            onChange={(value) => setRole(value as Role)}
            options={(roles.includes(role) ? roles : [role, ...roles]).map((value) => ({ value, label: t(`people.role.${value}`) }))}
            hint={t(`people.roleHint.${role}`)}
            error={feedback.errors.role ?? feedback.errors.active}
          />
        )}
        <TeamChecklist
          id="user-teams"
          label={t('people.users.field.teams')}
          teams={assignable}
          value={teamIds}
          onChange={setTeamIds}
          error={feedback.errors.teamIds}
          hint={otherTeams.length > 0 ? t('people.users.otherTeams', { teams: otherTeams.map((team) => team.name).join(', ') }) : undefined}
        />
        {!user && (
          <TextField
            id="user-password"
            label={t('people.users.field.initialPassword')}
            type="password"
            required
            autoComplete="new-password"
            hint={t('people.password.hint')}
            value={password}
            onChange={setPassword}
            error={feedback.errors.initialPassword}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={creating || updating}>
            {creating || updating ? t('common.saving') : user ? t('common.saveChanges') : t('people.users.create')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      {user && isAdmin && <ResetPasswordForm user={user} />}
    </Dialog>
  );
}
