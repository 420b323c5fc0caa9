import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { Role } from '../gql/graphql.ts';
import { isCurrent, isGroup, navigationFor, type NavGroup } from './nav-items.ts';

/**
 * The main navigation: a few groups, each a disclosure button with its links (disclosure pattern:
 * `aria-expanded`, Enter/Space/Arrow Down open it, Escape closes it and gives the focus back to
 * its button, leaving it by Tab or a click elsewhere closes it), and the links without a group.
 * The group holding the current page is marked. On a phone (inside the header's menu) the groups
 * are labelled sections that are always open, so the same links are one tap away.
 */
export function MainNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState<NavGroup['id'] | null>(null);

  // Following a link closes the group.
  useEffect(() => setOpen(null), [pathname]);

  return (
    <nav className="app-nav" aria-label={t('layout.nav.label')}>
      <ul className="app-nav__list">
        {navigationFor(role).map((entry) =>
          isGroup(entry) ? (
            <NavDisclosure
              key={entry.id}
              group={entry}
              open={open === entry.id}
              current={entry.items.some((item) => isCurrent(item, pathname))}
              onToggle={(next) => setOpen(next ? entry.id : null)}
            />
          ) : (
            <li key={entry.to} className="app-nav__entry">
              <NavLink to={entry.to} className="app-nav__link">
                {t(entry.label)}
              </NavLink>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

interface DisclosureProps {
  group: NavGroup;
  open: boolean;
  /** The current page is one of the group's. */
  current: boolean;
  onToggle(open: boolean): void;
}

function NavDisclosure({ group, open, current, onToggle }: DisclosureProps) {
  const { t } = useTranslation();
  const panelId = useId();
  const labelId = useId();
  const entry = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A click or tap anywhere outside the group closes it.
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!entry.current?.contains(event.target as Node)) onToggle(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open, onToggle]);

  const links = () => [...(entry.current?.querySelectorAll<HTMLAnchorElement>('.app-nav__panel a') ?? [])];

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      // Only this disclosure closes, not the phone menu around it.
      event.stopPropagation();
      onToggle(false);
      button.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (event.target === button.current && !open) {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      onToggle(true);
      // The panel is shown once React has rendered the open state.
      requestAnimationFrame(() => links()[0]?.focus());
      return;
    }
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    event.preventDefault();
    all[(index + (event.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
  }

  // Tabbing out of the group closes it.
  function onBlur(event: FocusEvent) {
    if (open && !entry.current?.contains(event.relatedTarget as Node | null)) onToggle(false);
  }

  return (
    <li ref={entry} className={`app-nav__entry app-nav__group${current ? ' app-nav__group--current' : ''}`} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="app-nav__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-current={current ? 'true' : undefined}
        onClick={() => onToggle(!open)}
      >
        {t(group.label)}
        <span className="app-nav__chevron" aria-hidden="true" />
      </button>
      {/* The phone menu shows the group's name instead of its button. */}
      <span id={labelId} className="app-nav__heading">
        {t(group.label)}
      </span>
      <ul id={panelId} className={`app-nav__panel${open ? ' app-nav__panel--open' : ''}`} aria-labelledby={labelId}>
        {group.items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="app-nav__link" onClick={() => onToggle(false)}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}
