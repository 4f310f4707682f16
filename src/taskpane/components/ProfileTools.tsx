/**
 * 模板配置: export the workbook's column-map corrections as a template profile file, or import one
 * (a finance bureau's, for every unit on its template). An imported file is checked first; a bad
 * one is refused with its problems listed, and nothing is saved.
 */
import { useRef, useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular } from '@fluentui/react-icons';
import { parseProfile, ProfileError, type TemplateProfile } from '../../core/profile';
import { profileText } from '../columnMap';
import { useLang, useT } from '../i18nContext';
import { useSharedStyles } from './styles';
import { AddTable } from './AddTable';
import { ProblemsAlert } from './mapParts';

export interface ProfileToolsProps {
  template: TemplateProfile | undefined;
  disabled: boolean;
  /** The file name offered for the export (without .json). */
  baseName?: string;
  onImport(template: TemplateProfile, name: string): void;
  /** Saves a column map with a table added by hand (AddTable). */
  onSave(template: TemplateProfile): void;
  /** The sheet AddTable offers first. */
  defaultSheet?: string;
}

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Offers text as a file download (the browser's own save dialog or downloads folder). */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A File's text (Blob.text is missing from some older webviews). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsText(file);
  });
}

export function ProfileTools({ template, disabled, baseName, onImport, onSave, defaultSheet }: ProfileToolsProps) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const shared = useSharedStyles();
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const corrected = !!template && template.forms.length > 0;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setProblems(null);
    try {
      const profile = parseProfile(await readText(file), lang);
      onImport(profile, profile.name ?? file.name);
    } catch (e) {
      setProblems(e instanceof ProfileError ? e.problems : [e instanceof Error ? e.message : String(e)]);
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className={shared.section} aria-labelledby="selfeval-profile-heading">
      <h2 id="selfeval-profile-heading" className={shared.heading}>
        {t('columnMap.tools')}
      </h2>
      <Caption1 className={shared.muted}>{t('columnMap.toolsIntro')}</Caption1>
      <div className={s.buttons}>
        <Button size="small" icon={<ArrowDownload20Regular />} disabled={disabled || !corrected} onClick={() => template && download(profileText(template), `${baseName ?? 'selfeval'}-profile.json`)}>
          {t('columnMap.export')}
        </Button>
        <Button size="small" icon={<ArrowUpload20Regular />} disabled={disabled} onClick={() => input.current?.click()}>
          {t('columnMap.import')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('columnMap.import')}
          data-testid="selfeval-profile-input"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      <AddTable template={template} disabled={disabled} defaultSheet={defaultSheet} onChange={onSave} />
      {problems ? <ProblemsAlert title={t('columnMap.importError')} problems={problems} /> : null}
    </section>
  );
}
