/** Findings grouped by severity (错误/警告/提示 with counts), filterable by sheet when there are several. */
import { useState } from 'react';
import { Body1, Field, Select, useArrowNavigationGroup } from '@fluentui/react-components';
import type { FileReview, Finding, Severity } from '../../core/types';
import { SEVERITIES, filterBySheet, groupBySeverity, placeOf, sheetsOf } from '../model';
import { useT } from '../i18nContext';
import { FindingItem } from './FindingItem';
import { SeverityIcon } from './SeverityIcon';
import { Collapsible } from './Collapsible';
import { useSharedStyles } from './styles';

const GROUP_KEY: Record<Severity, 'severity.error' | 'severity.warning' | 'severity.info'> = {
  error: 'severity.error',
  warning: 'severity.warning',
  info: 'severity.info',
};

export interface FindingsPanelProps {
  review: FileReview;
  onReveal(finding: Finding): void;
}

export function FindingsPanel({ review, onReveal }: FindingsPanelProps) {
  const t = useT();
  const shared = useSharedStyles();
  const arrows = useArrowNavigationGroup({ axis: 'vertical', tabbable: true });
  const sheets = sheetsOf(review);
  const [sheet, setSheet] = useState('');
  const active = sheets.includes(sheet) ? sheet : '';
  const findings = filterBySheet(review.findings.filter((f) => f.code !== 'form-not-found'), active);
  const groups = groupBySeverity(findings);
  const present = SEVERITIES.filter((sev) => groups[sev].length > 0);
  const defaultOpen: Severity[] = groups.error.length || groups.warning.length ? ['error', 'warning'] : ['info'];

  return (
    <section className={shared.section} aria-labelledby="selfeval-findings-heading">
      <h2 id="selfeval-findings-heading" className={shared.heading}>
        {t('findings.heading')}
      </h2>
      {sheets.length > 1 ? (
        <Field label={t('findings.filter')} className={shared.narrow}>
          <Select value={active} onChange={(_, d) => setSheet(d.value)}>
            <option value="">{t('findings.filterAll')}</option>
            {sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {present.length === 0 ? (
        <Body1>{t('findings.none')}</Body1>
      ) : (
        present.map((sev) => (
          <Collapsible
            key={sev}
            icon={<SeverityIcon severity={sev} />}
            title={t('findings.group', { label: t(GROUP_KEY[sev]), n: groups[sev].length })}
            defaultOpen={defaultOpen.includes(sev)}
          >
            <ul className={shared.list} {...arrows}>
              {groups[sev].map((f, i) => (
                <FindingItem
                  key={`${f.sheet}!${f.cell}!${f.code}!${i}`}
                  finding={f}
                  place={placeOf(review, f)}
                  showSheet={sheets.length > 1 && !active}
                  onReveal={onReveal}
                />
              ))}
            </ul>
          </Collapsible>
        ))
      )}
    </section>
  );
}
