/**
 * The playground: the workbook view on the left, the add-in's own task pane on the right, both
 * over one in-memory workbook. Nothing leaves the browser.
 */
import * as React from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Lang } from '../core/types';
import { badFileText } from '../i18n/badfile';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { AssistantState } from '../app/types';
import { MemoryHost } from '../hosts/memory';
import { HostError } from '../hosts/host';
import { errorText } from '../i18n';
import { createAssistant } from '../app/assistant';
import { App as TaskPane } from '../taskpane/components/App';
import { SheetView, type Selection } from './SheetView';
import { Header } from './Header';
import { DropOverlay, useFileDrop } from './drop';
import { afterPaint, mark, measure, timed } from './bench';
import { fill, strings } from './strings';
import { isReport, openAny, reportText, reviewerAssistant } from './reviewer';

export const SAMPLE_URL = 'sample/seed-longquan-2023.xlsx';

export interface Notice {
  intent: 'error' | 'success' | 'info';
  text: string;
}

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  notice: { margin: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  body: { flexGrow: 1, display: 'flex', minHeight: 0, gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalS },
  view: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
  pane: {
    width: '360px',
    flexShrink: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    borderRadius: tokens.borderRadiusMedium,
  },
  center: { margin: 'auto' },
});

/** Visible sheet to show first: the first one the engine would care about. */
function firstSheet(snap: WorkbookSnapshot): string {
  return snap.sheets.find((s) => s.visibility !== 'veryHidden')?.name ?? '';
}

const LANG_KEY = 'selfeval.lang';

/** The language the clerk chose last time (localStorage; absent or blocked: none). */
function rememberedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    return v === 'zh-CN' || v === 'en-US' ? v : null;
  } catch {
    return null;
  }
}

function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode or storage blocked: the choice lasts for this page only.
  }
}

function downloadName(name: string): string {
  return name.replace(/\.xlsx$/i, '') + '-selfeval.xlsx';
}

export function PlaygroundApp(props: { initialLang?: Lang; sampleUrl?: string }): JSX.Element {
  const s = useStyles();
  const initialLang = props.initialLang ?? 'zh-CN';
  const [lang, setLang] = React.useState<Lang>(() => rememberedLang() ?? initialLang);
  const t = strings(lang);
  const [host, setHost] = React.useState<MemoryHost | null>(null);
  const [snapshot, setSnapshot] = React.useState<WorkbookSnapshot | null>(null);
  const [activeSheet, setActiveSheet] = React.useState('');
  const [selected, setSelected] = React.useState<Selection | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [generation, setGeneration] = React.useState(0);
  const tabPicked = React.useRef(false);
  const changed = React.useRef(false);
  const userOpened = React.useRef(false);

  const show = React.useCallback((h: MemoryHost) => {
    setHost(h);
    setSnapshot(h.lastSnapshot);
    setActiveSheet(firstSheet(h.lastSnapshot));
    setSelected(null);
    tabPicked.current = false;
    setGeneration((g) => g + 1);
  }, []);

  // Dialogs render in portals: the document's language picks CJK fonts and tells screen readers.
  React.useEffect(() => {
    document.documentElement.lang = lang;
    rememberLang(lang);
  }, [lang]);

  // Open the bundled sample, relative to the page so any static host or subpath works.
  const sampleUrl = props.sampleUrl ?? SAMPLE_URL;
  React.useEffect(() => {
    let live = true;
    (async () => {
      const res = await fetch(sampleUrl);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const name = decodeURIComponent(sampleUrl.split('/').pop() ?? 'sample.xlsx');
      const h = await MemoryHost.open(new Uint8Array(await res.arrayBuffer()), name);
      if (live && !userOpened.current) show(h);
    })().catch((e: unknown) => {
      const detail = e instanceof Error ? e.message : String(e);
      if (live) setNotice({ intent: 'error', text: fill(strings(initialLang).sampleFailed, { detail }) });
    });
    return () => {
      live = false;
    };
  }, [sampleUrl, show, initialLang]);

  // The view follows the host: new contents after a write, the cell the pane reveals.
  React.useEffect(() => {
    if (!host) return;
    return host.subscribe((e) => {
      if (e.type === 'change') {
        mark('selfeval:change');
        changed.current = true;
        setSnapshot(e.snapshot);
      } else {
        setActiveSheet(e.sheet);
        setSelected({ sheet: e.sheet, cell: e.cell });
      }
    });
  }, [host]);

  // Time from a workbook change to the view painted with it.
  React.useEffect(() => {
    if (!changed.current) return;
    changed.current = false;
    afterPaint(() => measure('selfeval:rerender', 'selfeval:change'));
  }, [snapshot]);

  // Until the user picks a tab, open on the sheet of the first self-evaluation form found.
  const onFirstCheck = React.useCallback((state: AssistantState) => {
    const form = state.review.forms.find((f) => f.kind === 'self-evaluation') ?? state.review.forms[0];
    if (form && !tabPicked.current) setActiveSheet(form.sheet);
  }, []);
  const pickSheet = React.useCallback((sheet: string) => {
    tabPicked.current = true;
    setActiveSheet(sheet);
  }, []);

  const [report, setReport] = React.useState<{ name: string; text: string } | null>(null);
  const onReadOnly = React.useCallback(() => {
    if (host) setNotice({ intent: 'info', text: fill(strings(lang).readOnly, { name: host.name, format: host.name.split('.').pop()?.toLowerCase() ?? '' }) });
  }, [host, lang]);
  const api = React.useMemo(
    () =>
      host
        ? timed(reviewerAssistant(createAssistant(host, { lang, file: host.name }), { host, lang, report: report?.text ?? null, onReadOnly }), onFirstCheck)
        : null,
    [host, lang, onFirstCheck, report, onReadOnly],
  );

  // A workbook (any format read), a 自评报告 (.docx) to compare with it, or both at once.
  const openFiles = React.useCallback(
    async (files: File[]) => {
      const book = files.find((f) => !isReport(f.name));
      const doc = files.find((f) => isReport(f.name));
      let opened = host;
      if (book) {
        const bytes = new Uint8Array(await book.arrayBuffer());
        try {
          const h = await openAny(bytes, book.name);
          userOpened.current = true;
          opened = h;
          setReport(null);
          show(h);
          const format = book.name.split('.').pop()?.toLowerCase() ?? '';
          setNotice(h.readOnly ? { intent: 'info', text: fill(t.readOnly, { name: book.name, format }) } : { intent: 'success', text: fill(t.opened, { name: book.name }) });
        } catch (e) {
          const tooLarge = e instanceof HostError && e.code === 'too-large';
          // Names the kind of file (PDF, CSV, Word…) and the fix (另存为 .xlsx); the current workbook stays.
          setNotice({ intent: 'error', text: tooLarge ? errorText(lang, e) : `${badFileText(lang, bytes, book.name)} ${t.unchanged}` });
          return;
        }
      }
      if (doc) {
        try {
          const text = await reportText(new Uint8Array(await doc.arrayBuffer()));
          setReport({ name: doc.name, text });
          setGeneration((g) => g + 1); // the pane checks again, with the report
          setNotice({ intent: 'success', text: fill(t.reportAttached, { report: doc.name, name: opened?.name ?? '' }) });
        } catch (e) {
          setNotice({ intent: 'error', text: fill(t.notReport, { name: doc.name, detail: e instanceof Error ? e.message : String(e) }) });
        }
      }
    },
    [show, t, lang, host],
  );

  const download = React.useCallback(() => {
    if (!host) return;
    const blob = new Blob([host.bytes as Uint8Array<ArrayBuffer>], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = downloadName(host.name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, [host]);

  const drop = useFileDrop((files) => void openFiles(files));
  const onSelectCell = React.useCallback((sheet: string, cell: string) => void host?.select(sheet, cell), [host]);

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={s.page} {...drop.handlers} data-testid="playground" data-print="expand">
        <Header
          lang={lang}
          fileName={host?.name ?? null}
          onOpen={(files) => void openFiles(files)}
          onDownload={host && !host.readOnly ? download : undefined}
          onToggleLang={() => setLang((l) => (l === 'zh-CN' ? 'en-US' : 'zh-CN'))}
        />
        {notice && (
          <MessageBar className={s.notice} intent={notice.intent} data-testid="playground-notice" data-print="hide">
            <MessageBarBody>
              {notice.intent === 'error' && <MessageBarTitle>{t.product}</MessageBarTitle>}
              {notice.text}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={s.body} data-print="expand">
          <div className={s.view} data-print="expand">
            {snapshot ? (
              <SheetView
                snapshot={snapshot}
                activeSheet={activeSheet}
                onActiveSheetChange={pickSheet}
                selected={selected}
                onSelectCell={onSelectCell}
                lang={lang}
              />
            ) : (
              !notice && <Spinner className={s.center} label={t.loading} />
            )}
          </div>
          <aside className={s.pane} aria-label="selfeval" data-testid="taskpane" data-print="hide">
            {api && <TaskPane key={`${generation}-${lang}`} api={api} lang={lang} hostName={t.hostName} />}
          </aside>
        </div>
        {drop.dragging && <DropOverlay text={t.dropHint} />}
      </div>
    </FluentProvider>
  );
}
