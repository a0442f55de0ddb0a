import { FormattedMessage, useIntl } from 'react-intl';
import { CaseTable } from './CaseTable';

/** Every case the signed-in user may see: a party's own, a mediator's assigned, a court's filings. The server decides. */
export default function MyCasesPage() {
  const intl = useIntl();
  return (
    <section>
      <h1>
        <FormattedMessage id="myCases.title" />
      </h1>
      <CaseTable query={{}} caption={intl.formatMessage({ id: 'myCases.title' })} />
    </section>
  );
}
