import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice, type NoticeState } from './Notice.tsx';
import { LookupCreateForm } from './LookupCreateForm.tsx';
import { LookupRow } from './LookupRow.tsx';
import type { LookupActions, LookupEntry, LookupFieldNames } from './lookup-types.ts';
import { SortableList } from './SortableList.tsx';
import { useActionFailure } from './useFeedback.ts';

interface Props {
  title: string;
  intro: string;
  /** The label field's name in this list: "Name", "Label". */
  labelCaption: string;
  entries: readonly LookupEntry[];
  fields: LookupFieldNames;
  actions: LookupActions;
  /** Why deleting this entry was refused, by reason (IN_USE: "still used: deactivate it instead"). */
  refusals(entry: LookupEntry): Partial<Record<string, string>>;
  testId: string;
}

/**
 * One editable lookup list (loss reasons, sources, tags, priorities, forecast categories,
 * customer statuses): add, rename or relabel, deactivate, delete and, where the list has an order,
 * drag into order. Every refusal of the server is shown where it happened.
 */
export function LookupListEditor({ title, intro, labelCaption, entries, fields, actions, refusals, testId }: Props) {
  const { t } = useTranslation();
  const actionFailure = useActionFailure();
  const [notice, setNotice] = useState<NoticeState>(null);
  const titleId = `${testId}-title`;

  async function handleReorder(ids: string[]) {
    if (!actions.reorder) return false;
    const failure = actionFailure(await actions.reorder(ids), t('lookups.notReordered'));
    setNotice(failure ? { text: failure, error: true } : null);
    return failure === null;
  }

  return (
    <section aria-labelledby={titleId}>
      <div className="page-header">
        <div>
          <h1 id={titleId}>{title}</h1>
          <p className="muted">{intro}</p>
        </div>
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <div className="card">
        {entries.length === 0 ? (
          <p className="muted">{t('lookups.none')}</p>
        ) : (
          <SortableList
            items={entries}
            label={title}
            nameOf={(entry) => entry.label}
            onReorder={actions.reorder ? handleReorder : undefined}
            testId={testId}
          >
            {(entry, handle) => (
              <LookupRow
                entry={entry}
                handle={handle}
                labelCaption={labelCaption}
                fields={fields}
                actions={actions}
                refusals={refusals(entry)}
                onNotice={setNotice}
              />
            )}
          </SortableList>
        )}
        <LookupCreateForm idPrefix={testId} labelCaption={labelCaption} fields={fields} create={actions.create} onCreated={(label) => setNotice({ text: t('lookups.added', { name: label }) })} />
      </div>
    </section>
  );
}
