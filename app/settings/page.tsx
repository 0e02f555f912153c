import { TrustedContactSettings } from '@/components/guardrails/trusted-contact-settings';
import { SettingsForm } from '@/components/settings/settings-form';

export const metadata = { title: 'Settings — Kin' };

export default function SettingsPage() {
  return (
    <main id="main" className="page settings">
      <h1>Settings</h1>
      <p className="lead">Everything here is saved in this browser only.</p>
      <SettingsForm />
      <TrustedContactSettings />
    </main>
  );
}
