import { lazy, Suspense } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { primaryRole, useSession } from '../../app/session';
import { SignOutEverywhere } from '../party/SignOutEverywhere';
import { CaseTable } from './CaseTable';

// The platform administrator is staff of no committee and has no cases: their home (this page,
// where a user of no committee lands) lists the committees instead. Loaded from here rather than
// as a route of its own, so that the shell and the public first load (250 KB budget) stay as
// they are.
const AdminCommitteesPage = lazy(() => import('../admin/AdminCommitteesPage'));

/** Every case the signed-in user may see: a party's own, a mediator's assigned, a court's filings. The server decides. */
export default function MyCasesPage() {
  const intl = useIntl();
  const { user } = useSession();
  // Parties stay signed in for weeks; staff sessions are short and end at sign-out.
  const party = user && primaryRole(user) === 'party' && user.mediatorIds.length === 0;
  if (user?.platformAdmin && user.memberships.length === 0)
    return (
      <Suspense fallback={<div className="page-loading" role="status" />}>
        <AdminCommitteesPage />
      </Suspense>
    );
  return (
    <section>
      <h1>
        <FormattedMessage id="myCases.title" />
      </h1>
      <CaseTable query={{}} caption={intl.formatMessage({ id: 'myCases.title' })} />
      {party && <SignOutEverywhere />}
    </section>
  );
}
