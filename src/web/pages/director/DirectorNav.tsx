import { FormattedMessage, useIntl } from 'react-intl';
import { Link, usePath } from '../../app/router';
import { useSession } from '../../app/session';

const sections = [
  ['/director', 'director.nav.dashboard'],
  ['/director/roster', 'director.nav.roster'],
  ['/director/audit', 'director.nav.audit'],
  ['/director/notifications', 'director.nav.notifications'],
  ['/director/settings', 'director.nav.settings'],
] as const;

/** The organisation the signed-in director runs (the first, if they direct several). */
export function useDirectorOrgId(): string | undefined {
  const { user } = useSession();
  return user?.memberships.find((m) => m.role === 'director')?.orgId;
}

/** The director's sections, as tabs above each director page. */
export function DirectorNav() {
  const path = usePath();
  const intl = useIntl();
  return (
    <nav className="sub-nav" aria-label={intl.formatMessage({ id: 'director.nav.label' })}>
      {sections.map(([href, id]) => (
        <Link key={href} href={href} aria-current={path === href ? 'page' : undefined}>
          <FormattedMessage id={id} />
        </Link>
      ))}
    </nav>
  );
}
