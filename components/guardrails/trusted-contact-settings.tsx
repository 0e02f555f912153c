'use client';
import { useState } from 'react';
import { useStore } from 'zustand';
import { validateContact, type EscalationContact } from '@/lib/guardrails/escalation';
import { deployerContact, guardrailStore } from '@/lib/guardrails/store';

const CATEGORY_WORDS = { 'self-harm': 'thoughts of self-harm', 'harm-to-others': 'urges to hurt someone', abuse: 'abuse', 'medical-emergency': 'a medical emergency' } as const;

/** Settings: a trusted contact to offer in a crisis (never contacted without a click) and the safety log. */
export function TrustedContactSettings() {
  const saved = useStore(guardrailStore, (s) => s.contact);
  const events = useStore(guardrailStore, (s) => s.events);
  const [kind, setKind] = useState<EscalationContact['kind']>(saved?.kind ?? 'email');
  const [name, setName] = useState(saved?.name ?? '');
  const [target, setTarget] = useState(saved ? (saved.kind === 'email' ? saved.address : saved.url) : '');
  const [message, setMessage] = useState<string | null>(null);
  const deployer = deployerContact();
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const contact: EscalationContact = kind === 'email' ? { kind, address: target.trim(), name: name.trim() || undefined } : { kind, url: target.trim(), name: name.trim() || undefined };
    const problem = validateContact(contact);
    if (problem) return setMessage(problem);
    guardrailStore.getState().setContact(contact);
    setMessage('Saved. In a crisis your companion will offer to alert this contact; nothing is sent unless you press the button.');
  };
  return (
    <section aria-labelledby="trusted-contact" className="settings-section" data-testid="trusted-contact">
      <h2 id="trusted-contact">Trusted contact and safety</h2>
      <p>
        If you say something that sounds like a crisis, your companion stops, answers with help lines for your country, and can offer to alert someone you trust.
        It never contacts anyone on its own.{deployer && !saved ? ` Your provider has set a default contact (${deployer.name ?? (deployer.kind === 'email' ? deployer.address : 'a webhook')}).` : ''}
      </p>
      <form onSubmit={save}>
        <fieldset>
          <legend>How to reach them</legend>
          <label><input type="radio" name="contact-kind" checked={kind === 'email'} onChange={() => setKind('email')} /> Email (opens your mail app with a short message)</label>
          <label><input type="radio" name="contact-kind" checked={kind === 'webhook'} onChange={() => setKind('webhook')} /> Webhook (for care services: an https address that receives a JSON alert)</label>
        </fieldset>
        <label>Name <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Sam" maxLength={60} /></label>
        <label>
          {kind === 'email' ? 'Email address' : 'Webhook address'}
          <input value={target} onChange={(e) => setTarget(e.target.value)} placeholder={kind === 'email' ? 'sam@example.org' : 'https://care.example.org/kin-alert'} required maxLength={500} />
        </label>
        <button type="submit">Save contact</button>{' '}
        {saved && <button type="button" onClick={() => { guardrailStore.getState().setContact(null); setTarget(''); setName(''); setMessage('Removed.'); }}>Remove contact</button>}
        {message && <p role="status">{message}</p>}
      </form>
      <h3>Safety log</h3>
      {events.length === 0 ? <p>No safety events. This log stays on this device.</p> : (
        <>
          <ul data-testid="safety-log">
            {[...events].reverse().map((e) => (
              <li key={e.id}>
                {new Date(e.at).toLocaleString()}: {CATEGORY_WORDS[e.category]} — “{e.excerpt}”{e.escalated ? ` (you alerted your contact by ${e.escalated})` : ''}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => guardrailStore.getState().clearEvents()}>Clear safety log</button>
        </>
      )}
    </section>
  );
}
