/** Error and success messages: localised HostError text or plain error message, "已写入 N 个单元格…". */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { errorText } from '../../i18n';
import { useLang, useT } from '../i18nContext';
import type { Success } from '../useAssistant';

export interface FeedbackProps {
  error: unknown;
  success: Success | null;
  onDismissError(): void;
  onDismissSuccess(): void;
}

export function Feedback({ error, success, onDismissError, onDismissSuccess }: FeedbackProps) {
  const t = useT();
  const lang = useLang();
  const dismiss = (onClick: () => void) => (
    <MessageBarActions
      containerAction={
        <Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={t('feedback.dismiss')} onClick={onClick} />
      }
    />
  );
  return (
    <>
      {error ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('error.title')}</MessageBarTitle>
            {errorText(lang, error)}
          </MessageBarBody>
          {dismiss(onDismissError)}
        </MessageBar>
      ) : null}
      {success ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t(success.key, success.params)}</MessageBarBody>
          {dismiss(onDismissSuccess)}
        </MessageBar>
      ) : null}
    </>
  );
}
