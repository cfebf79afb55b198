/**
 * This computer's detected programs, grouped (système, bureautique, navigateurs, logiciels métiers,
 * sécurité, autres) with search. The list is virtualised (react-aria Virtualizer + ListLayout):
 * only the visible rows exist in the page, so 2,000 programs scroll smoothly.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import {
  Button,
  GridList,
  GridListItem,
  ListLayout,
  SearchField,
  Input,
  Label,
  ToggleButton,
  ToggleButtonGroup,
  Virtualizer,
  type Key,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { appCategories, groupApplications, type AppCategory } from './categorise';
import { displayDate } from '../../../shared/finding-text';
import type { Lang } from '../../../shared/i18n';
import type { ProgramView } from '../../../shared/programs';
import { useAppStore } from '../../store';
import { ProgramVoyant } from './program-voyant';
import { ProgramUpdateControl, UpdateAllBar } from './program-updates';

interface AppRow {
  readonly id: string;
  readonly name: string;
  readonly version: string | null;
  readonly publisher: string | null;
  readonly source: string;
  /** The voyant of a user-facing program (checkups from before issue 12 have none). */
  readonly program?: ProgramView;
}

const emptyApps: readonly Omit<AppRow, 'id'>[] = [];

/** The grouped, searchable, virtualised list. */
export function AppList() {
  const { t } = useTranslation('ui');
  // User-facing programs with their voyants; older checkups only have the raw inventory.
  const programs = useAppStore((s) => s.report?.programs);
  const inventory = useAppStore((s) => s.report?.inventory.applications ?? emptyApps);
  const apps = useMemo(
    () => (programs ? programs.programs.map((p) => ({ ...p, program: p })) : inventory),
    [programs, inventory],
  );
  const businessNames = useAppStore(
    useShallow((s) => (s.workspace?.software ?? []).map((x) => x.name.toLowerCase())),
  );
  const upsertSoftware = useAppStore((s) => s.upsertSoftware);
  const openUninstall = useAppStore((s) => s.openUninstall);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [picked, setPicked] = useState<AppCategory | null>(null);
  const rows = useMemo<AppRow[]>(() => apps.map((a, i) => ({ ...a, id: `${i}` })), [apps]);
  const { t: tp, i18n } = useTranslation('programs');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'fr';
  const groups = useMemo(
    () => groupApplications(rows, deferredQuery, new Set(businessNames)),
    [rows, deferredQuery, businessNames],
  );
  const category: AppCategory = picked ?? appCategories.find((c) => groups[c].length > 0) ?? 'metiers';
  const items = groups[category];
  const known = new Set(businessNames);
  // System parts (700 Debian packages, drivers, runtimes) are never logiciels métiers: no button there.
  const canMark = category !== 'systeme';

  if (apps.length === 0) return <p>{t('inventory.noApps')}</p>;

  return (
    <div className="app-list">
      <SearchField className="field search" value={query} onChange={setQuery}>
        <Label className="field__label">{t('inventory.search')}</Label>
        <Input className="field__input" />
      </SearchField>
      <ToggleButtonGroup
        className="categories"
        aria-label={t('inventory.categories')}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[category]}
        onSelectionChange={(keys: Set<Key>) => {
          const [first] = [...keys];
          if (first) setPicked(first as AppCategory);
        }}
      >
        {appCategories.map((c) => (
          <ToggleButton key={c} id={c} className="chip">
            {t(`inventory.category.${c}`)} <span className="chip__count">{groups[c].length}</span>
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {programs && (
        <p className="hint">
          {tp('system', { count: programs.systemComponents })}.{' '}
          {tp('data', {
            eol: displayDate(programs.data.endOfLife, lang),
            kev: displayDate(programs.data.exploited, lang),
          })}
        </p>
      )}
      {programs && <UpdateAllBar programs={programs.programs} />}
      <p className="hint" aria-live="polite">
        {t('inventory.showing', { count: items.length, category: t(`inventory.category.${category}`) })}
      </p>
      <Virtualizer
        layout={ListLayout}
        layoutOptions={programs ? { estimatedRowHeight: 96 } : { rowHeight: 64 }}
      >
        <GridList
          className="grid-list"
          aria-label={t('inventory.listLabel', { category: t(`inventory.category.${category}`) })}
          items={items}
          renderEmptyState={() => <p className="grid-list__empty">{t('inventory.emptyCategory')}</p>}
        >
          {(app) => (
            <GridListItem id={app.id} textValue={app.name} className="grid-list__row">
              <div className="app-row">
                <div className="app-row__text">
                  <span className="app-row__name" translate="no">
                    <bdi>{app.name}</bdi>
                  </span>
                  <span className="app-row__meta">
                    {app.version ? <span translate="no">{app.version}</span> : t('inventory.unknownVersion')}
                    {app.publisher ? <span translate="no"> · {app.publisher}</span> : null}
                  </span>
                  {app.program && <ProgramVoyant program={app.program} />}
                  {app.program && <ProgramUpdateControl program={app.program} />}
                </div>
                {app.program?.status === 'end-of-life' && (
                  <Button
                    className="button button--small button--quiet"
                    aria-label={tp('uninstall.buttonFor', { name: app.name })}
                    onPress={() => void openUninstall(tp('uninstall.none'))}
                  >
                    {tp('uninstall.button')}
                  </Button>
                )}
                {known.has(app.name.toLowerCase()) ? (
                  <span className="badge">{t('inventory.isBusiness')}</span>
                ) : (
                  canMark && (
                    <Button
                      className="button button--small"
                      aria-label={t('inventory.markBusinessFor', { name: app.name })}
                      onPress={() =>
                        void upsertSoftware({
                          name: app.name,
                          version: app.version,
                          category: 'autre',
                          detected: true,
                          ...(app.publisher ? { vendor: app.publisher } : {}),
                        })
                      }
                    >
                      {t('inventory.markBusiness')}
                    </Button>
                  )
                )}
              </div>
            </GridListItem>
          )}
        </GridList>
      </Virtualizer>
    </div>
  );
}
