/**
 * A session of a director/officer whose committee requires two-factor sign-in and who has not
 * confirmed an authenticator yet: it reaches only TOTP enrolment, /me and sign-out.
 */
export const TOTP_ENROLLMENT_RESTRICTION = 'totp_enrollment';
