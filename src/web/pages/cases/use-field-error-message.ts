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

/**
 * Whether a wall-clock start ('YYYY-MM-DDTHH:mm', as a datetime-local input gives it) in a zone
 * has already passed: the session form says so before sending what the API refuses (SESSION_IN_PAST).
 */
export function isWallClockPast(local: string, timeZone: string, now = new Date()): boolean {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const current = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  // Same minute counts as past: the API refuses a start not after now.
  return local <= current;
}
