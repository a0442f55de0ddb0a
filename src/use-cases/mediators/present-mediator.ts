import type { Config } from '../../config/load-config.js';
import { decryptField, maskValue } from '../../domain/encrypt-personal-data.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';
import type { MediatorProfileRow } from '../../db/repositories/mediator-profile-repository.js';

/** The API view of a profile: the phone number only masked, never decrypted in full. */
export function presentMediator(config: Config, m: MediatorProfileRow) {
  let phoneMasked: string | null = null;
  if (m.phoneEnc) {
    try {
      phoneMasked = maskValue(decryptField(loadFieldKeyring(config), m.phoneEnc));
    } catch {
      // A value written under a retired key: show that a number exists without revealing it.
      phoneMasked = '••••';
    }
  }
  return {
    id: m.id,
    orgId: m.orgId,
    userId: m.userId,
    displayName: m.displayName,
    kind: m.kind,
    nationality: m.nationality,
    languages: m.languages,
    expertise: m.expertise,
    caseLimit: m.caseLimit,
    email: m.email,
    phoneMasked,
    bio: m.bio,
    timeZone: m.timeZone,
    active: m.active,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

export type MediatorView = ReturnType<typeof presentMediator>;
