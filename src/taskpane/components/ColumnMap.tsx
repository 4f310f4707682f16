/**
 * 列映射: which column each field of one form was read from, with a drop-down per field to correct
 * it (saved in the workbook as the clerk's template profile, the form checked again at once).
 */
import { Button, Caption1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { TemplateProfile } from '../../core/profile';
import type { FormReview } from '../../core/types';
import { columnChoices, hasEntries, mapRows, withChoice, withoutForm, type MapRow, type MapTable } from '../columnMap';
import { useT } from '../i18nContext';
import { Collapsible } from './Collapsible';
import { fieldLabelKey, useMapStyles } from './mapParts';
import { useSharedStyles } from './styles';

export interface ColumnMapProps {
  form: FormReview;
  template: TemplateProfile | undefined;
  disabled: boolean;
  onChange(template: TemplateProfile): void;
}

const useStyles = makeStyles({
  table: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  reset: { alignSelf: 'flex-start' },
});

function TableFields({ form, table, rows, template, disabled, onChange }: ColumnMapProps & { table: MapTable; rows: MapRow[] }) {
  const t = useT();
  const s = useStyles();
  const map = useMapStyles();
  const choices = columnChoices(form);
  const row = table === 'indicators' ? form.headerRow : form.fundsHeaderRow;
  return (
    <div role="group" aria-label={t(table === 'indicators' ? 'columnMap.indicators' : 'columnMap.funds', { row: row ?? '?' })}>
      <h4 className={s.table}>{t(table === 'indicators' ? 'columnMap.indicators' : 'columnMap.funds', { row: row ?? '?' })}</h4>
      <div className={map.fields}>
        {rows.map((r) => {
          const letters = r.letter && !choices.includes(r.letter) ? [...choices, r.letter] : choices;
          return (
            <Field key={r.field} size="small" label={t(fieldLabelKey(r.table, r.field))} hint={r.mapped ? t('columnMap.mapped') : undefined}>
              <Select
                size="small"
                value={r.letter ?? ''}
                disabled={disabled}
                data-field={`${table}.${r.field}`}
                onChange={(_, d) => onChange(withChoice(template, form, table, r.field, d.value === '' ? null : d.value))}
              >
                <option value="">{t('columnMap.none')}</option>
                {letters.map((l) => (
                  <option key={l} value={l}>
                    {t('columnMap.column', { letter: l })}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
    </div>
  );
}

export function ColumnMap(props: ColumnMapProps) {
  const t = useT();
  const s = useStyles();
  const map = useMapStyles();
  const shared = useSharedStyles();
  const { form, template, disabled, onChange } = props;
  const rows = mapRows(form, template);
  if (rows.length === 0) return null;
  const indicators = rows.filter((r) => r.table === 'indicators');
  const funds = rows.filter((r) => r.table === 'funds');
  return (
    <Collapsible title={t('columnMap.title')}>
      <div className={map.body}>
        <Caption1 className={shared.muted}>{t('columnMap.intro')}</Caption1>
        {indicators.length > 0 ? <TableFields {...props} table="indicators" rows={indicators} /> : null}
        {funds.length > 0 ? <TableFields {...props} table="funds" rows={funds} /> : null}
        <Button className={s.reset} size="small" disabled={disabled || !hasEntries(template, form)} onClick={() => onChange(withoutForm(template, form))}>
          {t('columnMap.reset')}
        </Button>
      </div>
    </Collapsible>
  );
}
