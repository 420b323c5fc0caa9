import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useQueryParams } from '../../hooks/useQueryParams.ts';

export interface RecordTab<Id extends string> {
  id: Id;
  label: string;
  /** Shown beside the label, e.g. "3" or "2 open · 1 closed". */
  count?: string;
}

interface Props<Id extends string> {
  label: string;
  tabs: readonly RecordTab<Id>[];
  /** The open tab's content. */
  children(tab: Id): ReactNode;
}

/**
 * The tabs of a record page with their counts. The open tab is in the URL (`?tab=contacts`), so a
 * link or the back button opens it; arrow keys move between tabs as the tabs pattern says.
 */
export function RecordTabs<Id extends string>({ label, tabs, children }: Props<Id>) {
  const [params, setParams] = useQueryParams();
  const list = useRef<HTMLDivElement>(null);
  const requested = params.get('tab');
  const current = tabs.find((tab) => tab.id === requested) ?? tabs[0];

  function open(id: Id) {
    setParams(
      (latest) => {
        latest.set('tab', id);
        return latest;
      },
      { replace: true },
    );
  }

  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((tab) => tab.id === current.id);
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = tabs[(target + tabs.length) % tabs.length];
    open(tab.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  }

  return (
    <div className="record-tabs">
      <div className="tabs record-tabs__list" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === current.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            className={`tabs__tab${tab.id === current.id ? ' tabs__tab--active' : ''}`}
            onClick={() => open(tab.id)}
          >
            {tab.label}
            {tab.count !== undefined && (
              <span className="count" data-testid={`tab-count-${tab.id}`}>
                {tab.count}
              </span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="record-tabs__panel">
        {children(current.id)}
      </div>
    </div>
  );
}
