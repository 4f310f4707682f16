/** Pieces the column-map components share (ColumnMap, AddTable, ProfileTools). */
import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { MessageKey } from '../../i18n';
import type { MapTable } from '../columnMap';

export const useMapStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    // A field's 已更正 hint must not push its neighbour's drop-down down.
    alignItems: 'start',
  },
  problems: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/** The label of one field of a table (金额 columns have their own names). */
export const fieldLabelKey = (table: MapTable, field: string) => (table === 'funds' ? `columnMap.funds.${field}` : `columnMap.field.${field}`) as MessageKey;

/** A refused profile: the reason, then each problem on its own line. */
export function ProblemsAlert({ title, problems }: { title: string; problems: string[] }) {
  const s = useMapStyles();
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {title}
        <ul className={s.problems}>
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
