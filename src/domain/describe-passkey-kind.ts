/**
 * What a passkey is, for a list in which the party tells theirs apart when they gave none a
 * name: the authenticator's own model is not known (attestation is not asked for), but its
 * transports and whether it is backed up are.
 */
export type PasskeyKind = 'synced' | 'device' | 'security_key';

export function describePasskeyKind(p: {
  transports: readonly string[];
  deviceType: string;
  backedUp: boolean;
}): PasskeyKind {
  const external = p.transports.some((t) => t === 'usb' || t === 'nfc' || t === 'ble');
  const onDevice = p.transports.some((t) => t === 'internal' || t === 'hybrid');
  if (external && !onDevice) return 'security_key';
  if (p.deviceType === 'multiDevice' || p.backedUp) return 'synced';
  return 'device';
}
