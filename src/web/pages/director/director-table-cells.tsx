import { FormattedDate, FormattedMessage, FormattedTime } from 'react-intl';
import { Link } from '../../app/router';

/** A table cell linking to the case the row is about, or empty when it concerns none. */
export function CaseLinkCell({ caseId }: { caseId: string | null }) {
  return caseId ? (
    <Link href={`/cases/${caseId}`}>
      <FormattedMessage id="director.audit.openCase" />
    </Link>
  ) : null;
}

/** A table cell with the date and time of an instant, in the reader's locale. */
export function DateTimeCell({ at }: { at: string }) {
  return (
    <>
      <FormattedDate value={at} /> <FormattedTime value={at} />
    </>
  );
}
