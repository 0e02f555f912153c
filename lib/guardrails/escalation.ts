import type { CrisisCategory } from './lexicon';

/** Someone the user or deployer chose to alert in a crisis. Never contacted without the user's click. */
export type EscalationContact =
  | { kind: 'email'; address: string; name?: string }
  | { kind: 'webhook'; url: string; name?: string };

/** Why a contact cannot be used, or null when it is fine. */
export function validateContact(contact: EscalationContact): string | null {
  if (contact.kind === 'email') {
    return /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[a-z]{2,}$/i.test(contact.address.trim()) ? null : 'That does not look like an email address.';
  }
  let url: URL;
  try {
    url = new URL(contact.url.trim());
  } catch {
    return 'That is not a web address (it should start with https://).';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && /^(localhost|127\.0\.0\.1)$/.test(url.hostname))) {
    return 'The webhook must use https:// so the alert is encrypted.';
  }
  return null;
}

/** Who the button names: "Alert Sam", "Email my support contact". */
export function contactLabel(contact: EscalationContact): string {
  if (contact.name?.trim()) return contact.name.trim();
  return contact.kind === 'email' ? contact.address : new URL(contact.url).hostname;
}

const CATEGORY_WORDS: Record<CrisisCategory, string> = {
  'self-harm': 'is going through a very hard time and may be at risk of harming themselves',
  'harm-to-others': 'is going through a very hard time and asked for support',
  abuse: 'may not be safe and asked for support',
  'medical-emergency': 'may be having a medical emergency',
};

/** The message sent to the contact: no transcript, just what is needed to check in. */
export function escalationMessage(category: CrisisCategory, at: Date, who = 'Someone who trusts you'): { subject: string; body: string } {
  return {
    subject: 'Kin: please check in',
    body: `${who} ${CATEGORY_WORDS[category]} (${at.toISOString().slice(0, 16).replace('T', ' ')} UTC). ` +
      'They chose to send this from their Kin companion. Please contact them now; if they may be in danger, call your local emergency number.',
  };
}

/** A mailto: link the user opens themselves (their mail app shows the message before sending). */
export function escalationMailto(contact: Extract<EscalationContact, { kind: 'email' }>, category: CrisisCategory, at: Date): string {
  const { subject, body } = escalationMessage(category, at);
  return `mailto:${encodeURIComponent(contact.address.trim())}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** Posts the alert to a webhook; called only from the user's click. Never throws. */
export async function sendEscalationWebhook(
  contact: Extract<EscalationContact, { kind: 'webhook' }>,
  category: CrisisCategory,
  at: Date,
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const problem = validateContact(contact);
  if (problem) return { ok: false, error: problem };
  try {
    const response = await fetchImpl(contact.url.trim(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'kin.crisis', category, at: at.toISOString(), ...escalationMessage(category, at) }),
      signal: AbortSignal.timeout(10_000),
    });
    return response.ok ? { ok: true } : { ok: false, error: `The contact’s server answered ${response.status}. Please call them or the emergency number instead.` };
  } catch {
    return { ok: false, error: 'The alert could not be sent (no connection?). Please call them or the emergency number instead.' };
  }
}
