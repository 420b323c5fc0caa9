import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import type { TeamType } from '../../gql/graphql.ts';
import { SettingsCreateTeamMutation, SettingsUpdateTeamMutation } from './team-queries.ts';
import { useFeedback } from './useFeedback.ts';

const TEAM_TYPES: readonly TeamType[] = ['SALES', 'SERVICE', 'OTHER'];
const FIELDS = ['name', 'type'] as const;

interface Props {
  team?: { id: string; name: string; type: TeamType };
  onClose(): void;
  onSaved(name: string, created: boolean): void;
}

/** A new team, or another name or type for one. */
export function TeamDialog({ team, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(team?.name ?? '');
  const [type, setType] = useState<TeamType>(team?.type ?? 'SALES');
  const { feedback, accept } = useFeedback(FIELDS);
  const [{ fetching: creating }, createTeam] = useMutation(SettingsCreateTeamMutation);
  const [{ fetching: updating }, updateTeam] = useMutation(SettingsUpdateTeamMutation);
  const title = team ? t('common.editNamed', { name: team.name }) : t('people.teams.new');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = team ? await updateTeam({ id: team.id, name, type }) : await createTeam({ name, type });
    const outcome = result.data && ('updateTeam' in result.data ? result.data.updateTeam : result.data.createTeam);
    if (accept({ outcome, error: result.error }, t('people.teams.notSaved')) && outcome && 'team' in outcome) onSaved(outcome.team.name, !team);
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label={title}>
        <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
        <TextField id="team-name" label={t('people.teams.field.name')} required value={name} onChange={setName} error={feedback.errors.name} autoFocus />
        <SelectField
          id="team-type"
          label={t('people.teams.field.type')}
          value={type}
          onChange={(value) => setType(value as TeamType)}
          options={TEAM_TYPES.map((value) => ({ value, label: t(`people.teamType.${value}`) }))}
          hint={t('people.teams.typeHint')}
          error={feedback.errors.type}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={creating || updating}>
            {creating || updating ? t('common.saving') : team ? t('common.saveChanges') : t('people.teams.create')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
