import { useIntl } from 'react-intl';
import { ApiError } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';

/**
 * useErrorMessage, naming a refused field by the label the form shows it with (`labels`, field
 * path → message id) instead of the API's dotted path.
 */
export function useFieldErrorMessage(labels: Record<string, string>): (e: unknown) => string {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  return (e: unknown) => {
    const label = e instanceof ApiError && e.field ? labels[e.field] : undefined;
    if (e instanceof ApiError && e.code === 'VALIDATION_FAILED' && label) {
      return intl.formatMessage(
        { id: 'error.VALIDATION_FAILED' },
        { field: intl.formatMessage({ id: label }) },
      );
    }
    return errorMessage(e);
  };
}

/** Today in the committee's time zone, as the API's date fields count it (YYYY-MM-DD). */
export function committeeToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
