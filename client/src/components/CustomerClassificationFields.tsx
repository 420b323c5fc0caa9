import { useTranslation } from 'react-i18next';
import type { CustomerFormOptions } from '../hooks/useCustomerFormOptions.ts';
import type { FieldErrors } from '../lib/field-errors.ts';
import { SelectField, TagPicker, type SelectOption } from './fields.tsx';

export interface ClassificationValues {
  statusKey: string;
  sourceId: string;
  ownerId: string;
  teamId: string;
  tagIds: string[];
}

export interface CurrentOwnership {
  owner: { id: string; name: string };
  team: { id: string; name: string };
  sourceId: string;
}

interface Props {
  idPrefix: string;
  values: ClassificationValues;
  onChange(values: Partial<ClassificationValues>): void;
  errors: FieldErrors;
  options: CustomerFormOptions;
  /** The record being edited: its owner, team and source stay selectable even if now unusual. */
  current?: CurrentOwnership;
  /** What an empty team choice means, when it is not simply "the owner's team". */
  automaticTeamLabel?: string;
}

/** Status, source, owner, team and tags: shared by the account and contact forms. */
export function CustomerClassificationFields({
  idPrefix,
  values,
  onChange,
  errors,
  options,
  current,
  automaticTeamLabel,
}: Props) {
  const { t } = useTranslation();
  const me = options.me;
  const statusOptions: SelectOption[] = options.lifecycleStatuses.map((status) => ({ value: status.key, label: status.label }));

  const sourceOptions: SelectOption[] = [
    { value: '', label: t('customer.choice.none') },
    ...options.sources
      .filter((source) => source.active || source.id === current?.sourceId)
      .map((source) => ({ value: source.id, label: source.active ? source.name : t('customer.choice.inactive', { name: source.name }) })),
  ];

  // Sales users may only own records themselves; service users own none.
  const ownerOptions: SelectOption[] = options.users
    .filter(
      (user) =>
        user.role !== 'SERVICE' && (me?.role !== 'SALES' || user.id === me.id || user.id === current?.owner.id),
    )
    .map((user) => ({ value: user.id, label: user.id === me?.id ? t('customer.choice.me', { name: user.name }) : user.name }));
  // `users` lists active users only; a deactivated owner stays until someone else is chosen.
  if (current && !ownerOptions.some((option) => option.value === current.owner.id)) {
    ownerOptions.unshift({ value: current.owner.id, label: t('customer.choice.inactive', { name: current.owner.name }) });
  }

  // The owner's teams that the viewer may place records in, plus the record's current team.
  const owner = options.users.find((user) => user.id === values.ownerId);
  const myTeams = new Set(me?.teams.map((team) => team.id));
  const teams = new Map(
    (owner?.teams ?? [])
      .filter((team) => me?.role === 'ADMIN' || myTeams.has(team.id))
      .map((team) => [team.id, team.name] as const),
  );
  if (current && values.ownerId === current.owner.id) teams.set(current.team.id, current.team.name);
  const teamList = [...teams].map(([value, label]) => ({ value, label }));
  const onlyTeam = teamList.length === 1 && !automaticTeamLabel ? teamList[0].label : undefined;
  const automatic = {
    value: '',
    label: onlyTeam ?? automaticTeamLabel ?? (teamList.length > 1 ? t('customer.choice.chooseTeam') : t('customer.choice.ownersTeam')),
  };
  const teamOptions = values.teamId === '' && onlyTeam ? [automatic] : [automatic, ...teamList];

  return (
    <>
      <SelectField
        id={`${idPrefix}-status`}
        label={t('customer.field.status')}
        value={values.statusKey}
        onChange={(statusKey) => onChange({ statusKey })}
        options={statusOptions}
        error={errors.statusKey}
      />
      <SelectField
        id={`${idPrefix}-source`}
        label={t('customer.field.source')}
        value={values.sourceId}
        onChange={(sourceId) => onChange({ sourceId })}
        options={sourceOptions}
        error={errors.sourceId}
      />
      <SelectField
        id={`${idPrefix}-owner`}
        label={t('customer.field.owner')}
        value={values.ownerId}
        // Another owner may be in other teams: the team is chosen again.
        onChange={(ownerId) => onChange({ ownerId, teamId: '' })}
        options={ownerOptions}
        error={errors.ownerId}
      />
      <SelectField
        id={`${idPrefix}-team`}
        label={t('customer.field.team')}
        value={values.teamId}
        onChange={(teamId) => onChange({ teamId })}
        options={teamOptions}
        error={errors.teamId}
      />
      <TagPicker
        id={`${idPrefix}-tags`}
        label={t('customer.field.tags')}
        tags={options.tags}
        value={values.tagIds}
        onChange={(tagIds) => onChange({ tagIds })}
        error={errors.tagIds}
      />
    </>
  );
}
