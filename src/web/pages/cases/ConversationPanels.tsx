import { useState } from 'react';
import { AreaMessages } from '../../app/AreaMessages';
import { CaseConversation } from './CaseConversation';
import type { CaseParty } from './case-types';
import { conversationMessages } from './conversation-messages';
import { StaffEvidencePanel } from './StaffEvidencePanel';

/** The staff's conversation and evidence for one case: a chunk of its own with its own strings. */
export default function ConversationPanels({
  caseId,
  parties,
  committeeStaff,
  teamMediator,
}: {
  caseId: string;
  parties: CaseParty[];
  committeeStaff: boolean;
  teamMediator: boolean;
}) {
  const [evidenceVersion, setEvidenceVersion] = useState(0);
  return (
    <AreaMessages loaders={conversationMessages}>
      <CaseConversation
        caseId={caseId}
        parties={parties}
        audience="staff"
        onEvidenceChanged={() => setEvidenceVersion((v) => v + 1)}
      />
      <StaffEvidencePanel
        caseId={caseId}
        committeeStaff={committeeStaff}
        teamMediator={teamMediator}
        version={evidenceVersion}
      />
    </AreaMessages>
  );
}
