/** Scoring settings kept in the workbook: rule set, over-achievement threshold, reverse formula, tolerance. */
import { useState } from 'react';
import {
  Button, Caption1,
  Field, Input, Select, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Settings } from '../../app/types';
import {
  DEFAULT_RULES, REVERSE_FORMULAS, defaultsOf, parseNumberInput, readOverrides, ruleSetName, withOverrides,
  type ReverseFormula, type RuleOverrides, type RuleSetOption,
} from '../settings';
import { formatNumber } from '../model';
import { useLang, useT } from '../i18nContext';

export interface SettingsFormProps {
  settings: Settings | undefined;
  ruleSets: readonly RuleSetOption[];
  onSave(settings: Settings): void;
  onCancel(): void;
}

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  actions: { display: 'flex', justifyContent: 'flex-end', columnGap: tokens.spacingHorizontalS },
});

const THRESHOLD = { min: 100, max: 1000 };

/** A decimal input with its hint, and the reason when the value is refused. */
function NumberField(p: { label: string; hint: string; invalid?: string; value: string; unit?: string; onChange(v: string): void }) {
  return (
    <Field label={p.label} hint={p.hint} validationState={p.invalid ? 'error' : 'none'} validationMessage={p.invalid}>
      <Input inputMode="decimal" value={p.value} contentAfter={p.unit} onChange={(_, d) => p.onChange(d.value)} />
    </Field>
  );
}

/** "比值法：分值 × …" → "比值法"; "Ratio: …" → "Ratio". */
const shortName = (label: string) => label.split(/[：:]/)[0];
const TOLERANCE = { min: 0, max: 10 };

const inRange = (n: number | null, r: { min: number; max: number }) => n !== null && n >= r.min && n <= r.max;

export function SettingsForm({ settings, ruleSets, onSave, onCancel }: SettingsFormProps) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const storedRules = settings?.rules || DEFAULT_RULES;
  // The values in effect for a rule set: the stored overrides for the stored one, else its own defaults.
  const valuesFor = (id: string) => (id === storedRules ? readOverrides(settings, defaultsOf(id, ruleSets)) : defaultsOf(id, ruleSets));
  const initial = valuesFor(storedRules);

  const [rules, setRules] = useState(storedRules);
  const [threshold, setThreshold] = useState(formatNumber(initial.overAchievement * 100));
  const [reverse, setReverse] = useState<ReverseFormula>(initial.reverseFormula);
  const [tolerance, setTolerance] = useState(formatNumber(initial.scoreTolerance));

  const chooseRules = (id: string) => {
    const v = valuesFor(id);
    setRules(id);
    setThreshold(formatNumber(v.overAchievement * 100));
    setReverse(v.reverseFormula);
    setTolerance(formatNumber(v.scoreTolerance));
  };

  const thresholdN = parseNumberInput(threshold);
  const toleranceN = parseNumberInput(tolerance);
  const thresholdOk = inRange(thresholdN, THRESHOLD);
  const toleranceOk = inRange(toleranceN, TOLERANCE);
  const options = ruleSets.some((r) => r.id === rules) ? ruleSets : [...ruleSets, { id: rules }];

  const save = () => {
    if (!thresholdOk || !toleranceOk || thresholdN === null || toleranceN === null) return;
    const values: RuleOverrides = {
      overAchievement: Number((thresholdN / 100).toFixed(6)),
      reverseFormula: reverse,
      scoreTolerance: toleranceN,
    };
    onSave(withOverrides(settings ?? { rules }, rules, values, defaultsOf(rules, ruleSets)));
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className={s.content}>
        <h2 id="selfeval-settings-title" tabIndex={-1} className={s.title}>
          {t('settings.title')}
        </h2>
          <Caption1 id="selfeval-settings-intro">{t('settings.intro')}</Caption1>
          <Field label={t('settings.rules')}>
            <Select value={rules} onChange={(_, d) => chooseRules(d.value)}>
              {options.map((r) => (
                <option key={r.id} value={r.id}>
                  {ruleSetName(r, lang)}
                </option>
              ))}
            </Select>
          </Field>
          <NumberField
            label={t('settings.overAchievement')}
            hint={t('settings.overAchievementHint')}
            invalid={thresholdOk ? undefined : t('settings.invalidNumber', THRESHOLD)}
            value={threshold}
            unit="%"
            onChange={setThreshold}
          />
          {/* A select, not radios: the full description of the chosen method shows as the hint below it. */}
          <Field label={t('settings.reverseFormula')} hint={t(`settings.reverse.${reverse}`)}>
            <Select value={reverse} onChange={(_, d) => setReverse(d.value as ReverseFormula)}>
              {REVERSE_FORMULAS.map((f) => (
                <option key={f} value={f}>
                  {shortName(t(`settings.reverse.${f}`))}
                </option>
              ))}
            </Select>
          </Field>
          <NumberField
            label={t('settings.scoreTolerance')}
            hint={t('settings.scoreToleranceHint')}
            invalid={toleranceOk ? undefined : t('settings.invalidNumber', TOLERANCE)}
            value={tolerance}
            onChange={setTolerance}
          />
        <div className={s.actions}>
          <Button appearance="secondary" onClick={onCancel}>
            {t('settings.cancel')}
          </Button>
          <Button appearance="primary" type="submit" disabled={!thresholdOk || !toleranceOk}>
            {t('settings.save')}
          </Button>
        </div>
      </div>
    </form>
  );
}
