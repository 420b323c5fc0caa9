import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { isSearchShortcut, moveActive, searchOptions } from './search-options.ts';
import { useSearchResults } from './useSearchResults.ts';
import './search.css';

const typingInField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The header's search over accounts (name, e-mail), contacts (name, e-mail) and opportunities
 * (title, OPP- number), grouped by kind with their counts. A combobox: arrow keys walk the results,
 * Enter opens one, Escape closes; Ctrl+K, ⌘K or "/" jump here from anywhere. Where the header is
 * narrow it folds into a button.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const formats = useFormats();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [expanded, setExpanded] = useState(false);
  const [opened, setOpened] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const listboxId = useId();
  const statusId = useId();
  const { searched, ready, results, groups, fetching } = useSearchResults(text);
  const options = useMemo(() => searchOptions(groups), [groups]);
  const showList = expanded && ready && results !== undefined;
  const total = results ? results.accountCount + results.contactCount + results.opportunityCount : 0;

  // New results start without an active option.
  useEffect(() => setActive(-1), [options]);

  // The shortcut, from anywhere on the page.
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (!isSearchShortcut(event, typingInField(event.target))) return;
      event.preventDefault();
      // Where the field folds into a button it must be shown before it can take the focus, and
      // at once: what is typed right after the shortcut belongs in it.
      flushSync(() => setOpened(true));
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // A click or focus elsewhere closes the results.
  useEffect(() => {
    function onOutside(event: Event) {
      if (event.target instanceof Node && root.current && !root.current.contains(event.target)) {
        setExpanded(false);
        setOpened(false);
      }
    }
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, []);

  function go(href: string) {
    setText('');
    setExpanded(false);
    setOpened(false);
    input.current?.blur();
    navigate(href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (showList) setExpanded(false);
      else {
        setText('');
        setOpened(false);
        input.current?.blur();
      }
      return;
    }
    if (event.key === 'Enter') {
      const option = options[active];
      if (option) {
        event.preventDefault();
        go(option.href);
      }
      return;
    }
    if (['ArrowDown', 'ArrowUp'].includes(event.key) || (showList && active >= 0 && ['Home', 'End'].includes(event.key))) {
      event.preventDefault();
      setExpanded(true);
      setActive((current) => moveActive(current, event.key, options.length));
    }
  }

  const activeId = showList && active >= 0 ? options[active]?.id : undefined;
  return (
    <div className={`header-search${opened ? ' header-search--open' : ''}`} ref={root} role="search" aria-label={t('search.label')}>
      <button
        type="button"
        className="header-search__toggle"
        aria-expanded={opened}
        onClick={() => {
          flushSync(() => setOpened((open) => !open));
          input.current?.focus();
        }}
      >
        <span aria-hidden="true">⌕</span>
        <span className="visually-hidden">{t('search.open')}</span>
      </button>
      <div className="header-search__field">
        <input
          ref={input}
          type="search"
          className="header-search__input"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={showList && groups.length > 0}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-describedby={statusId}
          placeholder={t('search.placeholder')}
          maxLength={200}
          autoComplete="off"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setExpanded(true);
          }}
          onFocus={() => setExpanded(true)}
          onKeyDown={onKeyDown}
        />
        <kbd className="header-search__hint" aria-hidden="true">
          /
        </kbd>
        <span id={statusId} className="visually-hidden" role="status">
          {showList ? t('search.resultCount', { count: total, formatted: formats.number(total) }) : t('search.shortcut')}
        </span>
        {showList && groups.length === 0 && (
          <p className="header-search__results header-search__empty">{fetching ? t('common.loadingShort') : t('search.none', { text: searched })}</p>
        )}
        <div id={listboxId} role="listbox" aria-label={t('search.results')} className="header-search__results" hidden={!showList || groups.length === 0}>
          {showList &&
            groups.map((group) => (
              <div key={group.kind} role="group" aria-labelledby={`${listboxId}-${group.kind}`} className="header-search__group" data-testid={`search-group-${group.kind}`}>
                <div id={`${listboxId}-${group.kind}`} role="presentation" className="header-search__heading">
                  {t(group.heading)} <span className="count">{formats.number(group.count)}</span>
                </div>
                {group.hits.map((hit) => {
                  const id = `search-${group.kind}-${hit.id}`;
                  return (
                    <div
                      key={hit.id}
                      id={id}
                      role="option"
                      aria-selected={id === activeId}
                      className="header-search__option"
                      onPointerDown={(event) => event.preventDefault()}
                      onClick={() => go(hit.href)}
                    >
                      <span className="header-search__label">{hit.label}</span>
                      {hit.detail && <span className="header-search__detail">{hit.detail}</span>}
                    </div>
                  );
                })}
                {group.moreHref && (
                  <div
                    id={`search-${group.kind}-more`}
                    role="option"
                    aria-selected={`search-${group.kind}-more` === activeId}
                    className="header-search__option header-search__option--more"
                    onPointerDown={(event) => event.preventDefault()}
                    onClick={() => go(group.moreHref!)}
                  >
                    {t(`search.all.${group.kind}`, { count: group.count, formatted: formats.number(group.count) })}
                  </div>
                )}
              </div>
            ))}
        </div>
      </div>
    </div>
  );
}
