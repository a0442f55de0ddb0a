import { useCallback, useEffect, useState } from 'react';
import Alert from 'antd/es/alert';
import Spin from 'antd/es/spin';
import { useErrorMessage } from '../../app/use-error-message';
import { AvailabilityExceptionsEditor } from './AvailabilityExceptionsEditor';
import { loadAvailability, type Availability } from './availability-types';
import { WeeklyHoursEditor } from './WeeklyHoursEditor';

/**
 * A mediator's weekly hours and leave, read and edited: on the mediator's own calendar, and in
 * the director's roster for any of the committee's mediators (then `mediatorName` is set).
 */
export function AvailabilityEditors({
  mediatorId,
  mediatorName,
}: {
  mediatorId: string;
  mediatorName?: string;
}) {
  const errorMessage = useErrorMessage();
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    loadAvailability(mediatorId)
      .then(setAvailability)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [mediatorId]);

  useEffect(load, [load]);

  if (error) return <Alert type="error" showIcon role="alert" message={error} />;
  if (!availability)
    return (
      <div className="page-loading" role="status">
        <Spin />
      </div>
    );
  return (
    <>
      <WeeklyHoursEditor
        mediatorId={mediatorId}
        availability={availability}
        mediatorName={mediatorName}
      />
      <AvailabilityExceptionsEditor
        mediatorId={mediatorId}
        availability={availability}
        onChanged={load}
        mediatorName={mediatorName}
      />
    </>
  );
}
