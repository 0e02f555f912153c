'use client';
import { useEffect, useState } from 'react';
import { describeCapabilities, probeCapabilities, type Capabilities } from '@/lib/capabilities';

/** What this browser can do (probed once), as a list; used by the HUD and Settings. */
export function CapabilityList({ testId }: { testId: string }) {
  const [caps, setCaps] = useState<Capabilities | null>(null);
  useEffect(() => { void probeCapabilities().then(setCaps); }, []);
  if (!caps) return <p className="muted">Checking…</p>;
  return (
    <ul className="caps" data-testid={testId}>
      {describeCapabilities(caps).map((row) => (
        <li key={row.label} className={row.ok ? 'ok' : 'warn'}><span>{row.label}</span> <span>{row.value}</span></li>
      ))}
    </ul>
  );
}
