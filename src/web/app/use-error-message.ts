import { useIntl } from 'react-intl';
import { ApiError } from './api-client';

/** Renders an API failure in the user's language: our own translation of the code, else the server's localised text. */
export function useErrorMessage(): (e: unknown) => string {
  const intl = useIntl();
  return (e: unknown) => {
    const code = e instanceof ApiError ? e.code : 'INTERNAL';
    const id = `error.${code}`;
    if (intl.messages[id]) {
      const field = e instanceof ApiError && e.field ? e.field : '';
      return intl.formatMessage({ id }, { field });
    }
    if (e instanceof ApiError && e.serverMessage) return e.serverMessage;
    return intl.formatMessage({ id: 'error.INTERNAL' });
  };
}
