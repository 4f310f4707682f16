/** The task pane: forms found, totals, one-click recompute, findings, changed cells, settings. */
import { useEffect, useRef, useState } from 'react';
import { Caption1, MessageBar, MessageBarBody, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { BusyIndicator } from './BusyIndicator';
import type { AssistantApi } from '../../app/types';
import { DEFAULT_LANG, t as translate, type Lang } from '../../i18n';
import { LangProvider } from '../i18nContext';
import type { RuleSetOption } from '../settings';
import { useAssistant, type Operation } from '../useAssistant';
import { ActionBar, RECOMPUTE_BUTTON_ID, SETTINGS_BUTTON_ID } from './ActionBar';
import { ChangedCells } from './ChangedCells';
import { EmptyState } from './EmptyState';
import { Feedback } from './Feedback';
import { FindingsPanel } from './FindingsPanel';
import { FormsSummary } from './FormsSummary';
import { MarkLegend } from './MarkLegend';
import { ProfileTools } from './ProfileTools';
import { SettingsDialog } from './SettingsDialog';
import { useSharedStyles } from './styles';

export interface AppProps {
  api: AssistantApi;
  /** UI language; defaults to the language of the assistant state, then zh-CN. */
  lang?: Lang;
  /** "Excel", "WPS", "浏览器"…, shown under the title. */
  hostName?: string;
  /** Rule sets offered in the settings (default: mof-2020). */
  ruleSets?: readonly RuleSetOption[];
}

const BUSY_KEY = {
  check: 'busy.check',
  recompute: 'busy.recompute',
  revert: 'busy.revert',
  clear: 'busy.clear',
  save: 'busy.save',
} as const satisfies Record<Operation, string>;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    maxWidth: '960px',
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
});

export function App({ api, lang, hostName, ruleSets }: AppProps) {
  const view = useAssistant(api);
  const { state, busy } = view;
  const ui: Lang = lang ?? state?.lang ?? DEFAULT_LANG;
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(ui, key, params);
  const s = useStyles();
  const shared = useSharedStyles();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const closeSettings = () => {
    setSettingsOpen(false);
    requestAnimationFrame(() => document.getElementById(SETTINGS_BUTTON_ID)?.focus());
  };
  // When an operation ends and the control that acted is gone (revert removes its section, clear marks
  // disables its button), focus goes to 一键重算, never to the page body.
  const root = useRef<HTMLElement>(null);
  const hadFocus = useRef(false);
  useEffect(() => {
    if (busy !== null) {
      // Only an operation started from the pane gives focus back (not the check on opening).
      hadFocus.current = !!root.current?.contains(document.activeElement);
      return;
    }
    if (!hadFocus.current) return;
    hadFocus.current = false;
    const active = document.activeElement;
    if (!active || active === document.body || !document.body.contains(active) || (active as HTMLButtonElement).disabled) {
      document.getElementById(RECOMPUTE_BUTTON_ID)?.focus();
    }
  }, [busy]);
  const review = state?.review;
  const hasForms = !!review && review.forms.length > 0;

  return (
    <LangProvider lang={ui}>
      <main ref={root} className={s.root} lang={ui} aria-busy={busy !== null}>
        <header className={s.header}>
          <Subtitle1 as="h1" className={s.title}>
            {t('app.title')}
          </Subtitle1>
          <Caption1 className={shared.muted}>
            {hostName ? `${t('app.tagline')} · ${t('app.host', { host: hostName })}` : t('app.tagline')}
          </Caption1>
        </header>

        <ActionBar
          busy={busy}
          canRecompute={hasForms}
          onRecompute={view.recompute}
          onCheck={view.check}
          onSettings={() => setSettingsOpen(true)}
        />
        <SettingsDialog
          open={settingsOpen}
          settings={state?.settings}
          ruleSets={ruleSets}
          onClose={closeSettings}
          onSave={(next) => {
            closeSettings();
            view.saveSettings(next);
          }}
        />
        <div role="status" className={shared.visuallyHidden}>
          {busy ? t(BUSY_KEY[busy]) : ''}
        </div>

        <Feedback error={view.error} success={view.success} onDismissError={view.dismissError} onDismissSuccess={view.dismissSuccess} />

        {!state && busy === 'check' ? <BusyIndicator size="small" label={t('app.loading')} /> : null}

        {review?.error ? (
          <MessageBar intent="error">
            <MessageBarBody>{t('error.file', { message: review.error })}</MessageBarBody>
          </MessageBar>
        ) : null}

        {state && !hasForms && !review?.error ? <EmptyState /> : null}

        {state && hasForms ? (
          <>
            {/* Findings first: on a workbook of 50 forms they must not start below 50 cards. */}
            <FindingsPanel review={state.review} onReveal={view.reveal} />
            {state.changed.length > 0 || state.marked > 0 ? (
              <ChangedCells
                changed={state.changed}
                marked={state.marked}
                disabled={busy !== null}
                onReveal={view.reveal}
                onRevert={view.revert}
                onClearMarks={view.clearMarks}
              />
            ) : null}
            {state.marked > 0 ? <MarkLegend /> : null}
            <FormsSummary forms={state.review.forms} findings={state.review.findings} template={state.settings.template} disabled={busy !== null} onColumnMap={(m) => view.saveColumnMap(m)} />
          </>
        ) : null}
        {state && !review?.error ? (
          <ProfileTools
            template={state.settings.template}
            disabled={busy !== null}
            baseName={review?.file.replace(/\.[^.]*$/, '') || undefined}
            defaultSheet={review?.forms.find((f) => f.kind === 'self-evaluation')?.sheet}
            onImport={(m, name) => view.saveColumnMap(m, name)}
            onSave={(m) => view.saveColumnMap(m)}
          />
        ) : null}

      </main>
    </LangProvider>
  );
}
