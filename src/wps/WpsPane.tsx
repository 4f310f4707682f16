/**
 * The Excel task pane (App) inside WPS, with what only WPS needs on top: the notices the ribbon
 * page posts through PluginStorage (polled: the store has no change event, notes §1.4), the
 * "printing paused" bar with its one-click way out, and a re-check whenever the ribbon changed the
 * workbook or the user switched workbooks (one pane serves every workbook, notes §1.3).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular, Print20Regular } from '@fluentui/react-icons';
import type { AssistantApi } from '../app/types';
import type { Lang } from '../core/types';
import { errorText, t } from '../i18n';
import { App } from '../taskpane/components/App';
import { acknowledging } from './acknowledge';
import type { WpsApplication } from './application';
import { tryCall } from './application';
import { NOTICE_FRESH_MS, readNotice, type PaneNotice } from './notice';
import { allowNextPrint } from './storage';

const POLL_MS = 400;
const REFRESH_EVENTS = ['WorkbookActivate', 'WindowActivate'];

interface Shown {
  ok: boolean;
  text: string;
  blocked?: { marks: number; errors: number };
}

function toShown(n: PaneNotice): Shown {
  return n.kind === 'printBlocked' ? { ok: false, text: n.text, blocked: { marks: n.marks ?? 0, errors: n.errors ?? 0 } } : { ok: n.ok, text: n.text };
}

const useStyles = makeStyles({
  bar: { marginTop: tokens.spacingVerticalM, marginLeft: tokens.spacingHorizontalM, marginRight: tokens.spacingHorizontalM },
});

export interface WpsPaneProps {
  app: WpsApplication;
  api: AssistantApi;
  lang: Lang;
  now?: () => number;
}

export function WpsPane({ app, api, lang, now = Date.now }: WpsPaneProps) {
  const s = useStyles();
  const [generation, setGeneration] = useState(0);
  const [shown, setShown] = useState<Shown | null>(() => {
    const n = readNotice(app);
    return n && now() - n.at < NOTICE_FRESH_MS ? toShown(n) : null;
  });
  const seen = useRef(readNotice(app)?.id);
  const [printing, setPrinting] = useState(false);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const timer = setInterval(() => {
      const n = readNotice(app);
      if (!n || n.id === seen.current) return;
      seen.current = n.id;
      setShown(toShown(n));
      refresh();
    }, POLL_MS);
    const listeners = REFRESH_EVENTS.filter((e) => tryCall(() => (app.ApiEvent?.AddApiEventListener(e, refresh), true)));
    return () => {
      clearInterval(timer);
      for (const e of listeners) tryCall(() => app.ApiEvent?.RemoveApiEventListener?.(e, refresh));
    };
  }, [app, refresh]);

  // A new object makes App's useAssistant check the workbook again. Clearing marks is the step
  // before printing: the errors the clerk sees then no longer stop the print.
  // generation is a dependency on purpose: a new object per refresh.
  const view = useMemo<AssistantApi>(() => acknowledging(app, api), [api, app, generation]);

  const clearAndPrint = async (marks: number) => {
    setPrinting(true);
    try {
      await acknowledging(app, api).clearMarks();
      allowNextPrint(app, now());
      const wb = tryCall(() => app.ActiveWorkbook);
      const printed = !!wb?.PrintOut && tryCall(() => (wb.PrintOut!(), true)) === true;
      // A notice posted before this click (the print it answers) must not cover what the click did.
      seen.current = readNotice(app)?.id;
      const key = printed ? (marks ? 'wps.print.printing' : 'wps.print.sent') : marks ? 'wps.print.printAgain' : 'wps.print.again';
      setShown({ ok: true, text: t(lang, key) });
    } catch (e) {
      seen.current = readNotice(app)?.id;
      setShown({ ok: false, text: errorText(lang, e) });
    } finally {
      setPrinting(false);
      refresh();
    }
  };

  return (
    <>
      {shown ? (
        <MessageBar className={s.bar} intent={shown.blocked ? 'warning' : shown.ok ? 'success' : 'error'} layout="multiline" role={shown.ok ? 'status' : 'alert'} data-testid="wps-notice">
          <MessageBarBody>
            {shown.blocked ? <MessageBarTitle>{t(lang, 'wps.print.blockedTitle')}</MessageBarTitle> : null}
            {shown.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={t(lang, 'feedback.dismiss')} onClick={() => setShown(null)} />}
          >
            {shown.blocked ? (
              <Button appearance="primary" icon={<Print20Regular />} disabled={printing} onClick={() => void clearAndPrint(shown.blocked!.marks)}>
                {t(lang, shown.blocked.marks > 0 ? 'wps.print.clearAndPrint' : 'wps.print.printAnyway')}
              </Button>
            ) : null}
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <App api={view} lang={lang} hostName="WPS" />
    </>
  );
}
