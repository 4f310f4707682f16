/** The playground's header: product name, the privacy line, open / download / language. */
import * as React from 'react';
import { Badge, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, FolderOpen20Regular, LocalLanguage20Regular, ShieldCheckmark16Regular } from '@fluentui/react-icons';
import type { Lang } from '../core/types';
import { strings } from './strings';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: '240px' },
  name: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  latin: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  privacy: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
  hidden: { display: 'none' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

export interface HeaderProps {
  lang: Lang;
  fileName: string | null;
  /** A workbook, a report (.docx), or both. */
  onOpen(files: File[]): void;
  onDownload?: () => void;
  onToggleLang(): void;
}

export function Header(props: HeaderProps): JSX.Element {
  const s = useStyles();
  const t = strings(props.lang);
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <header className={s.header} role="banner" data-print="hide">
      <div className={s.title}>
        <div className={s.name}>
          <Subtitle2 as="h1">{t.product}</Subtitle2>
          <Subtitle2 className={s.latin}>selfeval</Subtitle2>
          {props.fileName && (
            <Badge appearance="tint" color="informative" data-testid="file-name">
              {props.fileName}
            </Badge>
          )}
        </div>
        <Caption1 className={s.privacy}>
          <ShieldCheckmark16Regular />
          {t.tagline}
        </Caption1>
      </div>
      {/* A group, not a Fluent Toolbar: a toolbar lets Tab reach only one of its buttons (arrow keys the rest). */}
      <div role="group" aria-label={t.product} className={s.actions}>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xlsm,.xls,.ods,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          className={s.hidden}
          data-testid="file-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) props.onOpen(files);
          }}
        />
        <Button icon={<FolderOpen20Regular />} onClick={() => input.current?.click()}>
          {t.open}
        </Button>
        <Button appearance="primary" icon={<ArrowDownload20Regular />} disabled={!props.onDownload} onClick={props.onDownload}>
          {t.download}
        </Button>
        <Button appearance="subtle" icon={<LocalLanguage20Regular />} onClick={props.onToggleLang} lang={props.lang === 'zh-CN' ? 'en' : 'zh'}>
          {t.language}
        </Button>
      </div>
    </header>
  );
}
