import { useIntl } from 'react-intl';
import Steps from 'antd/es/steps';
import type { CaseStatus } from './case-types';

/** The usual road of a case (DESIGN §2); side exits (rejected, withdrawn, failed, breached, referred) end it early. */
const mainRoad: CaseStatus[] = [
  'submitted',
  'accepted',
  'in_mediation',
  'agreed',
  'performing',
  'fulfilled',
];
const exitAfter: Partial<Record<CaseStatus, CaseStatus>> = {
  rejected: 'submitted',
  withdrawn: 'accepted',
  failed: 'in_mediation',
  breached: 'performing',
  referred: 'in_mediation',
};

/**
 * `teamFormed`: a case stays `accepted` until its first session is recorded, but once its team
 * exists "forming the team" is no longer true; the explanation says what happens now.
 */
export function StatusTimeline({
  status,
  teamFormed,
}: {
  status: CaseStatus;
  teamFormed: boolean;
}) {
  const intl = useIntl();
  const exitFrom = exitAfter[status];
  const road = exitFrom ? [...mainRoad.slice(0, mainRoad.indexOf(exitFrom) + 1), status] : mainRoad;
  const current = road.indexOf(status);
  return (
    <nav aria-label={intl.formatMessage({ id: 'case.timeline' })}>
      <Steps
        size="small"
        direction="vertical"
        current={current}
        status={exitFrom ? 'error' : status === 'fulfilled' ? 'finish' : 'process'}
        items={road.map((s) => ({
          title: intl.formatMessage({ id: `status.${s}` }),
          description:
            s !== status
              ? undefined
              : intl.formatMessage({
                  id:
                    s === 'accepted' && teamFormed
                      ? 'status.accepted.teamFormed.explain'
                      : `status.${s}.explain`,
                }),
        }))}
      />
    </nav>
  );
}
