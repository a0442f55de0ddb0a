import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import Button from 'antd/es/button';
import { AreaMessages } from '../../app/AreaMessages';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { signInMessages } from '../public/sign-in-messages';
import { SignInOptions } from './SignInOptions';

/**
 * A party stays signed in for weeks (sliding session), so they need a way to end that on a
 * shared computer or a lost phone: every session of the account ends, this one too.
 */
export function SignOutEverywhere() {
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  return (
    <AreaMessages loaders={signInMessages}>
      <SignInOptions />
      <section className="form-card sign-out-everywhere" aria-labelledby="sign-out-everywhere">
        <h2 id="sign-out-everywhere">
          <FormattedMessage id="signIn.sessionTitle" />
        </h2>
        <p>
          <FormattedMessage id="signIn.sessionText" />
        </p>
        <Button
          danger
          loading={busy}
          onClick={() => {
            setBusy(true);
            void signOut({ everywhere: true })
              .then(() => navigate('/'))
              .finally(() => setBusy(false));
          }}
        >
          <FormattedMessage id="signIn.signOutEverywhere" />
        </Button>
      </section>
    </AreaMessages>
  );
}
