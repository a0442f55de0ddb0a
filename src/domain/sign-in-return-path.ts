/**
 * Where a sign-in may send the browser afterwards (`next`): only a path of this site. A value
 * like `//evil.example`, `/\evil.example` or `https://…` would make the sign-in link an open
 * redirect, so anything but a plain absolute path with safe characters is refused.
 */
const RETURN_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;

export const MAX_RETURN_PATH_LENGTH = 500;

export function isSafeReturnPath(path: string): boolean {
  if (path.length > MAX_RETURN_PATH_LENGTH || !RETURN_PATH.test(path)) return false;
  // Percent-encoding must not smuggle in what the pattern keeps out (%2F%2F, %5C, control bytes).
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  const hasControl = [...decoded].some(
    (ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f,
  );
  return !/^\/[/\\]/.test(decoded) && !decoded.includes('\\') && !hasControl;
}
