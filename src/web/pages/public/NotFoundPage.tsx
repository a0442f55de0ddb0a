import { FormattedMessage } from 'react-intl';
import { Link } from '../../app/router';

export function NotFoundPage() {
  return (
    <section>
      <h1>
        <FormattedMessage id="notFound.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="notFound.text" />
      </p>
      <Link href="/">
        <FormattedMessage id="notFound.home" />
      </Link>
    </section>
  );
}
