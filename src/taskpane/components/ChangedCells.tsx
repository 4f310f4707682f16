/** After a recompute: the cells written (label, old → new), with 撤销重算 and 清除标记. */
import { Body1, Button, Caption1, makeStyles, mergeClasses, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import { ArrowUndo20Regular, Eraser20Regular } from '@fluentui/react-icons';
import type { ChangedCell } from '../../app/types';
import { formatValue } from '../model';
import { useT } from '../i18nContext';
import { useSharedStyles } from './styles';

export interface ChangedCellsProps {
  changed: ChangedCell[];
  marked: number;
  disabled: boolean;
  onReveal(target: { sheet: string; cell: string }): void;
  onRevert(): void;
  onClearMarks(): void;
}

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  before: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  after: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export function ChangedCells({ changed, marked, disabled, onReveal, onRevert, onClearMarks }: ChangedCellsProps) {
  const t = useT();
  const s = useStyles();
  const shared = useSharedStyles();
  const arrows = useArrowNavigationGroup({ axis: 'vertical', tabbable: true });
  // As the cell shows it (its number format), else the bare value.
  const show = (v: ChangedCell['before'], text?: string) => (text !== undefined && text !== '' ? text : formatValue(v) ?? t('changed.empty'));

  return (
    <section className={shared.section} aria-labelledby="selfeval-changed-heading">
      <h2 id="selfeval-changed-heading" className={shared.heading}>
        {changed.length > 0 ? t('changed.heading', { n: changed.length }) : t('changed.marked', { n: marked })}
      </h2>
      {changed.length > 0 ? (
        <ul className={shared.list} {...arrows}>
          {changed.map((c) => {
            const before = show(c.before, c.beforeText);
            const after = show(c.after, c.afterText);
            return (
              <li key={`${c.sheet}!${c.cell}`}>
                <button
                  type="button"
                  className={shared.rowButton}
                  aria-label={t('changed.item', { label: c.label, before, after })}
                  onClick={() => onReveal({ sheet: c.sheet, cell: c.cell })}
                >
                  <span className={s.line}>
                    <Body1 className={shared.wrap}>{c.label}</Body1>
                    <Body1 className={mergeClasses(s.before, shared.wrap)}>{before}</Body1>
                    <span aria-hidden>→</span>
                    <Body1 className={mergeClasses(s.after, shared.wrap)}>{after}</Body1>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {changed.length > 0 && marked > 0 ? <Caption1 className={shared.muted}>{t('changed.marked', { n: marked })}</Caption1> : null}
      <div className={s.actions}>
        {changed.length > 0 ? (
          <Button icon={<ArrowUndo20Regular />} disabledFocusable={disabled} title={t('action.revertHint')} onClick={onRevert}>
            {t('action.revert')}
          </Button>
        ) : null}
        <Button icon={<Eraser20Regular />} disabled={!disabled && marked === 0} disabledFocusable={disabled} title={t('action.clearMarksHint')} onClick={onClearMarks}>
          {t('action.clearMarks')}
        </Button>
      </div>
    </section>
  );
}
