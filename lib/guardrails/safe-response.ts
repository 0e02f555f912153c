import type { CrisisCategory } from './lexicon';
import { resourcesFor, type HelpResource } from './resources';

/** What the UI shows under a safe response: resources (clickable) and the escalation offer. */
export interface SafetyCard {
  category: CrisisCategory;
  region: string;
  regionLabel: string;
  emergency: { number: string; href: string; note?: string };
  lines: HelpResource[];
}

const spoken = (resource: HelpResource | undefined) => (resource?.number ? `${resource.name} on ${resource.number}` : 'a helpline at findahelpline.com');

/**
 * The warm, immediate reply for a crisis, with help for the user's locale. Short enough to be said
 * in about 15 seconds; names the emergency number and the first local line out loud. Written by
 * people, never generated, so it is the same on every brain.
 */
export function safeResponse(category: CrisisCategory, locale: string | undefined): { text: string; card: SafetyCard } {
  const { region, lines } = resourcesFor(locale, category);
  const emergency = region.emergency.number;
  const first = lines.find((l) => l.number);
  const text = {
    'self-harm':
      `I’m really glad you told me, and I’m so sorry you’re in this much pain. You matter, and you don’t have to face this alone. ` +
      `I’m an AI, so please reach a person now: you can call ${spoken(first)}. If you might act on these thoughts or you’re in danger, call ${emergency} now. I’m right here with you.`,
    'harm-to-others':
      `Thank you for telling me. It sounds like things feel really intense right now. Please keep everyone safe, including you: step away from anything you could hurt someone with, and talk to someone now. ` +
      `You can call ${spoken(first)}. If anyone is in danger right now, call ${emergency}.`,
    abuse:
      `I’m so sorry this is happening to you. It is not your fault, and you deserve to be safe. If you’re in danger right now, call ${emergency}. ` +
      `You can talk in confidence to ${spoken(first)}. I can stay with you while you decide what to do.`,
    'medical-emergency':
      `This sounds like an emergency. Please call ${emergency} right now, or ask someone near you to call. Follow what they tell you, and stay with the person if it’s someone else. I’m staying right here.`,
  }[category];
  return { text, card: { category, region: region.region, regionLabel: region.label, emergency: region.emergency, lines } };
}
