import type { CrisisCategory } from './lexicon';

/** One place to get help: a phone line, a text line or a web page. */
export interface HelpResource {
  name: string;
  /** What a person dials or texts, as written locally ("116 123"). */
  number?: string;
  /** tel:, sms: or https: link the UI makes clickable. */
  href: string;
  /** One short line: who it is for, when it is open. */
  note?: string;
}

/** Help for one region: the emergency number and lines per crisis category. */
export interface RegionResources {
  region: string;
  /** Country or area name for the UI. */
  label: string;
  emergency: { number: string; href: string; note?: string };
  lines: Partial<Record<CrisisCategory, HelpResource[]>>;
}

const FIND_A_HELPLINE: HelpResource = {
  name: 'Find A Helpline',
  href: 'https://findahelpline.com',
  note: 'Free, confidential helplines in your country, searchable by topic.',
};

const tel = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;
const line = (name: string, number: string, note?: string): HelpResource => ({ name, number, href: tel(number), note });

/**
 * Crisis lines by region. Only numbers we are sure of (national, free, well known); where a
 * category has no single national line the emergency number and Find A Helpline cover it.
 * Sources are listed in docs/guardrails.md.
 */
export const RESOURCES: Record<string, RegionResources> = {
  US: {
    region: 'US', label: 'United States',
    emergency: { number: '911', href: 'tel:911' },
    lines: {
      'self-harm': [line('988 Suicide & Crisis Lifeline', '988', 'Call or text 988, any time.')],
      'harm-to-others': [line('988 Suicide & Crisis Lifeline', '988', 'Also for urges to hurt someone. Call or text 988.')],
      abuse: [line('National Domestic Violence Hotline', '1-800-799-7233', 'Any time; or text START to 88788.'), line('Childhelp National Child Abuse Hotline', '1-800-422-4453')],
      'medical-emergency': [line('Poison Control', '1-800-222-1222', 'For poisoning and overdoses, if the person is awake and breathing.')],
    },
  },
  GB: {
    region: 'GB', label: 'United Kingdom',
    emergency: { number: '999', href: 'tel:999', note: '112 also works.' },
    lines: {
      'self-harm': [line('Samaritans', '116 123', 'Free, any time, day or night.'), { name: 'Shout', number: '85258', href: 'sms:85258?body=SHOUT', note: 'Text SHOUT to 85258.' }],
      'harm-to-others': [line('Samaritans', '116 123', 'Free, any time, for whatever you are going through.')],
      abuse: [line('National Domestic Abuse Helpline (Refuge)', '0808 2000 247', 'Free, any time.'), line('Childline', '0800 1111', 'For children and young people.'), line('NSPCC', '0808 800 5000', 'If you are worried about a child.')],
      'medical-emergency': [line('NHS 111', '111', 'Urgent but not life-threatening.')],
    },
  },
  IE: {
    region: 'IE', label: 'Ireland',
    emergency: { number: '112', href: 'tel:112', note: '999 also works.' },
    lines: {
      'self-harm': [line('Samaritans', '116 123', 'Free, any time.'), { name: '50808', number: '50808', href: 'sms:50808?body=HELLO', note: 'Text HELLO to 50808.' }],
      'harm-to-others': [line('Samaritans', '116 123', 'Free, any time.')],
      abuse: [line('Women’s Aid', '1800 341 900', 'Free, any time.'), line('Childline (ISPCC)', '1800 66 66 66', 'For children and young people.')],
    },
  },
  CA: {
    region: 'CA', label: 'Canada',
    emergency: { number: '911', href: 'tel:911' },
    lines: {
      'self-harm': [line('9-8-8 Suicide Crisis Helpline', '988', 'Call or text 988, any time.')],
      'harm-to-others': [line('9-8-8 Suicide Crisis Helpline', '988', 'Call or text 988.')],
      abuse: [line('Kids Help Phone', '1-800-668-6868', 'For young people; or text 686868.')],
    },
  },
  AU: {
    region: 'AU', label: 'Australia',
    emergency: { number: '000', href: 'tel:000', note: '112 also works from mobiles.' },
    lines: {
      'self-harm': [line('Lifeline', '13 11 14', 'Any time.'), line('Beyond Blue', '1300 22 4636')],
      'harm-to-others': [line('Lifeline', '13 11 14', 'Any time.')],
      abuse: [line('1800RESPECT', '1800 737 732', 'Domestic, family and sexual violence, any time.'), line('Kids Helpline', '1800 55 1800', 'For young people, any time.')],
    },
  },
  NZ: {
    region: 'NZ', label: 'New Zealand',
    emergency: { number: '111', href: 'tel:111' },
    lines: {
      'self-harm': [line('Need to talk? 1737', '1737', 'Call or text 1737, any time.'), line('Lifeline Aotearoa', '0800 543 354')],
      'harm-to-others': [line('Need to talk? 1737', '1737', 'Call or text 1737.')],
      abuse: [line('Women’s Refuge crisis line', '0800 733 843'), line('Youthline', '0800 376 633', 'For young people.')],
    },
  },
  DE: {
    region: 'DE', label: 'Deutschland',
    emergency: { number: '112', href: 'tel:112', note: 'Polizei: 110.' },
    lines: {
      'self-harm': [line('TelefonSeelsorge', '0800 111 0 111', 'Kostenlos, rund um die Uhr; auch 0800 111 0 222.')],
      'harm-to-others': [line('TelefonSeelsorge', '0800 111 0 111', 'Kostenlos, rund um die Uhr.')],
      abuse: [line('Hilfetelefon Gewalt gegen Frauen', '116 016', 'Kostenlos, rund um die Uhr.'), line('Nummer gegen Kummer', '116 111', 'Für Kinder und Jugendliche.')],
    },
  },
  FR: {
    region: 'FR', label: 'France',
    emergency: { number: '112', href: 'tel:112', note: 'SAMU : 15.' },
    lines: {
      'self-harm': [line('3114, numéro national de prévention du suicide', '3114', 'Gratuit, 24 h/24.')],
      'harm-to-others': [line('3114', '3114', 'Gratuit, 24 h/24.')],
      abuse: [line('Violences Femmes Info', '3919', 'Gratuit et anonyme.'), line('Allô Enfance en Danger', '119', 'Gratuit, 24 h/24.')],
      'medical-emergency': [line('SAMU', '15')],
    },
  },
  ES: {
    region: 'ES', label: 'España',
    emergency: { number: '112', href: 'tel:112' },
    lines: {
      'self-harm': [line('Línea 024 de atención a la conducta suicida', '024', 'Gratuita, 24 horas.')],
      'harm-to-others': [line('Línea 024', '024', 'Gratuita, 24 horas.')],
      abuse: [line('016, violencia de género', '016', 'Gratuito; no deja rastro en la factura.'), line('Fundación ANAR', '900 20 20 10', 'Para niños y adolescentes.')],
    },
  },
  IN: {
    region: 'IN', label: 'India',
    emergency: { number: '112', href: 'tel:112', note: 'Ambulance: 108.' },
    lines: {
      'self-harm': [line('Tele-MANAS', '14416', 'National mental health helpline, free, any time.')],
      'harm-to-others': [line('Tele-MANAS', '14416', 'Free, any time.')],
      abuse: [line('Women Helpline', '181'), line('Childline', '1098', 'For children.')],
      'medical-emergency': [line('Ambulance', '108')],
    },
  },
};

/** Used when the region is unknown or not listed. */
export const INTERNATIONAL: RegionResources = {
  region: 'INTL', label: 'International',
  emergency: { number: '112', href: 'tel:112', note: 'Or your local emergency number; 112 works from mobile phones in many countries.' },
  lines: {},
};

/** Region of a BCP 47 language tag: 'en-GB' → 'GB', 'de' → 'DE', 'fr-CA' → 'CA'; null if none fits. */
export function regionOf(locale: string | undefined): string | null {
  if (!locale) return null;
  const parts = locale.replace(/_/g, '-').split('-');
  const explicit = parts.slice(1).find((p) => /^[A-Za-z]{2}$/.test(p));
  if (explicit) return explicit.toUpperCase();
  const language = parts[0].toLowerCase();
  // A bare language tag names a region only where one country is the obvious home of the language.
  return ({ de: 'DE', fr: 'FR', es: 'ES', hi: 'IN' } as Record<string, string>)[language] ?? null;
}

/** Help resources for a locale (navigator.language) and category, always ending with Find A Helpline. */
export function resourcesFor(locale: string | undefined, category: CrisisCategory): { region: RegionResources; lines: HelpResource[] } {
  const code = regionOf(locale);
  const region = (code && RESOURCES[code]) || INTERNATIONAL;
  return { region, lines: [...(region.lines[category] ?? []), FIND_A_HELPLINE] };
}
