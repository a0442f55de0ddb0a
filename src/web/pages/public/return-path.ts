/**
 * A `next` the app may navigate to after sign-in: a path of this site only (the server checks
 * the same for the links it e-mails; this guards the `?next=` of the login page).
 */
export function safeReturnPath(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return undefined;
  return value;
}
