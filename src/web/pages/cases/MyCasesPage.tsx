import { FormattedMessage, useIntl } from 'react-intl';
import { primaryRole, useSession } from '../../app/session';
import { SignOutEverywhere } from '../party/SignOutEverywhere';
import { CaseTable } from './CaseTable';

/** Every case the signed-in user may see: a party's own, a mediator's assigned, a court's filings. The server decides. */
export default function MyCasesPage() {
  const intl = useIntl();
  const { user } = useSession();
  // Parties stay signed in for weeks; staff sessions are short and end at sign-out.
  const party = user && primaryRole(user) === 'party' && user.mediatorIds.length === 0;
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
