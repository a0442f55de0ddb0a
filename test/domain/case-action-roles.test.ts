import { describe, expect, it } from 'vitest';
import { allowedActionsFor } from '../../src/domain/case-action-roles.js';

describe('the actions a case page offers its viewer', () => {
  it('offers resuming mediation after a court refusal to the committee, not to the court liaison who recorded it', () => {
    expect(allowedActionsFor('agreed', ['officer'])).toContain('reopen_mediation');
    expect(allowedActionsFor('agreed', ['director'])).toContain('reopen_mediation');
    expect(allowedActionsFor('agreed', ['court_liaison'])).not.toContain('reopen_mediation');
  });

  it('offers nothing to a viewer with no relation to the case', () => {
    expect(allowedActionsFor('in_mediation', [])).toEqual([]);
  });
});
