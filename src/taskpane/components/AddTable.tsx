/**
 * 补充识别漏掉的表格: the clerk points at a table the locator did not find (sheet, header row, the
 * column of each field); it is added to the column map (a profile entry with add: true), checked
 * first, and the workbook is checked again with it.
 */
import { useState } from 'react';
import { Button, Caption1, Field, Input, Select, makeStyles } from '@fluentui/react-components';
import { validateProfile, type TemplateProfile } from '../../core/profile';
import { addFields, withAddedTable, type MapTable } from '../columnMap';
import { useLang, useT } from '../i18nContext';
import { Collapsible } from './Collapsible';
import { fieldLabelKey, ProblemsAlert, useMapStyles } from './mapParts';
import { useSharedStyles } from './styles';

export interface AddTableProps {
  template: TemplateProfile | undefined;
  disabled: boolean;
  /** The sheet offered first (the first form's, when there is one). */
  defaultSheet?: string;
  onChange(template: TemplateProfile): void;
}

const useStyles = makeStyles({
  submit: { alignSelf: 'flex-start' },
});

export function AddTable({ template, disabled, defaultSheet, onChange }: AddTableProps) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const map = useMapStyles();
  const shared = useSharedStyles();
  const [sheet, setSheet] = useState(defaultSheet ?? '');
  const [table, setTable] = useState<MapTable>('indicators');
  const [row, setRow] = useState('');
  const [letters, setLetters] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<string[] | null>(null);

  const fields = addFields(table);
  const submit = () => {
    const own: Record<string, string> = {};
    for (const f of fields) own[f] = letters[`${table}.${f}`] ?? '';
    const checked = validateProfile(withAddedTable(template, sheet, table, row, own), lang);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems(null);
    onChange(checked.profile);
  };

  return (
    <Collapsible title={t('columnMap.add.title')}>
      <div className={map.body}>
        <Caption1 className={shared.muted}>{t('columnMap.add.intro')}</Caption1>
        <div className={map.fields}>
          <Field size="small" label={t('columnMap.add.sheet')}>
            <Input size="small" value={sheet} onChange={(_, d) => setSheet(d.value)} />
          </Field>
          <Field size="small" label={t('columnMap.add.kind')}>
            <Select size="small" value={table} onChange={(_, d) => setTable(d.value as MapTable)}>
              <option value="indicators">{t('columnMap.add.indicators')}</option>
              <option value="funds">{t('columnMap.add.funds')}</option>
            </Select>
          </Field>
          <Field size="small" label={t('columnMap.add.row')}>
            <Input size="small" inputMode="numeric" value={row} onChange={(_, d) => setRow(d.value)} />
          </Field>
        </div>
        <Caption1 className={shared.muted}>{t('columnMap.add.letterHint')}</Caption1>
        <div className={map.fields}>
          {fields.map((f) => {
            const key = `${table}.${f}`;
            return (
              <Field key={key} size="small" label={t(fieldLabelKey(table, f))}>
                <Input size="small" value={letters[key] ?? ''} onChange={(_, d) => setLetters({ ...letters, [key]: d.value })} />
              </Field>
            );
          })}
        </div>
        {problems ? <ProblemsAlert title={t('columnMap.add.invalid')} problems={problems} /> : null}
        <Button className={s.submit} size="small" appearance="primary" disabled={disabled} onClick={submit}>
          {t('columnMap.add.submit')}
        </Button>
      </div>
    </Collapsible>
  );
}
