// Environment: browser. Settings: the agent's own preferences for everyone; the team's rules and the audit
// log, segments and integrations for leads only (the hub refuses agents anyway); canned replies for everyone
// (shared ones editable by leads).
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.js';
import { useDesk } from '../../store/use-desk.js';
import { AuditLog } from './AuditLog.js';
import { SegmentsSection } from '../segments/SegmentsSection.js';
import { IntegrationsSection } from './IntegrationsSection.js';
import { CannedRepliesSection } from './CannedRepliesSection.js';
import { PreferencesSection } from './PreferencesSection.js';
import { TeamSettingsSection } from './TeamSettingsSection.js';
import { ThisComputerSection } from './ThisComputerSection.js';

export function SettingsDialog() {
  const { t } = useTranslation();
  const closeDialog = useDesk((state) => state.closeDialog);
  const lead = useDesk((state) => state.session?.account.role === 'lead');
  return (
    <Modal title={t('settings.title')} onClose={closeDialog} className="modal--settings">
      <div className="settings">
        <PreferencesSection />
        <ThisComputerSection />
        {lead && <TeamSettingsSection />}
        <CannedRepliesSection />
        {lead && <SegmentsSection />}
        {lead && <IntegrationsSection />}
        {lead && <AuditLog />}
      </div>
    </Modal>
  );
}
