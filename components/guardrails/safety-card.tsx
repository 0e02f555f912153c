'use client';
import { useState } from 'react';
import type { Caption } from '@/lib/call/store';
import { contactLabel, escalationMailto, sendEscalationWebhook } from '@/lib/guardrails/escalation';
import { activeContact, guardrailStore } from '@/lib/guardrails/store';
import styles from './safety-card.module.css';

const TITLES: Record<NonNullable<Caption['safety']>['category'], string> = {
  'self-harm': 'You don’t have to go through this alone',
  'harm-to-others': 'Talk to someone now',
  abuse: 'You deserve to be safe',
  'medical-emergency': 'Get help now',
};

/**
 * Help under a crisis reply: the emergency number first, local lines (tap to call), and the offer
 * to alert the user's trusted contact. Nothing is sent unless the user presses the button.
 */
export function SafetyCard({ safety }: { safety: NonNullable<Caption['safety']> }) {
  const [contact] = useState(activeContact);
  const [status, setStatus] = useState<'idle' | 'sending' | 'sent' | string>('idle');
  const at = new Date();
  const alert = async () => {
    if (contact?.kind !== 'webhook') return;
    setStatus('sending');
    const result = await sendEscalationWebhook(contact, safety.category, at);
    if (result.ok) {
      guardrailStore.getState().markEscalated(safety.eventId, 'webhook');
      setStatus('sent');
    } else setStatus(result.error);
  };
  return (
    <aside className={styles.card} role="region" aria-label="Help and resources" data-testid="safety-card">
      <h3>{TITLES[safety.category]}</h3>
      <a className={styles.emergency} href={safety.emergency.href} data-testid="safety-emergency">
        Emergency: call {safety.emergency.number}
      </a>
      {safety.emergency.note && <span className={styles.note}> {safety.emergency.note}</span>}
      <ul>
        {safety.lines.map((line) => (
          <li key={line.href}>
            <a href={line.href} target={line.href.startsWith('http') ? '_blank' : undefined} rel="noopener" data-testid="safety-line">
              {line.name}{line.number ? ` · ${line.number}` : ''}
            </a>
            {line.note && <span className={styles.note}> — {line.note}</span>}
          </li>
        ))}
      </ul>
      <div className={styles.escalate} data-testid="safety-escalation">
        {contact?.kind === 'email' && (
          <a className={styles.button} href={escalationMailto(contact, safety.category, at)} onClick={() => guardrailStore.getState().markEscalated(safety.eventId, 'email')}>
            Email {contactLabel(contact)} to check in on you
          </a>
        )}
        {contact?.kind === 'webhook' && status !== 'sent' && (
          <button type="button" onClick={alert} disabled={status === 'sending'}>
            {status === 'sending' ? 'Sending…' : `Alert ${contactLabel(contact)}`}
          </button>
        )}
        {status === 'sent' && <span className={styles.status} role="status">Sent. {contact ? contactLabel(contact) : 'Your contact'} has been asked to check in on you.</span>}
        {status !== 'idle' && status !== 'sending' && status !== 'sent' && <span className={styles.status} role="alert">{status}</span>}
        {!contact && (
          <span className={styles.note}>
            You can add someone you trust to alert at moments like this in <a href="/settings#trusted-contact" target="_blank" rel="noopener">Settings</a>.
          </span>
        )}
      </div>
    </aside>
  );
}
