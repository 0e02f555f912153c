const SENSITIVE: Record<string, RegExp> = {
  health: /\b(diagnos\w*|depress\w*|anxiety|panic attacks?|therap(y|ist)|medication|meds|cancer|tumou?r|chemo\w*|pregnan\w*|miscarriage|surgery|hospital\w*|illness|disease|disorder|adhd|autism|bipolar|ptsd|eating disorder|rehab|addict\w*|sober|sobriety|std|hiv)\b/i,
  'self-harm': /\b(suicid\w*|self[- ]harm\w*|kill myself|cutting myself|end it all|overdos\w*)\b/i,
  'sexuality-gender': /\b(gay|lesbian|bisexual|queer|lgbtq\w*|transgender|trans woman|trans man|non-binary|nonbinary|coming out|came out|sexual\w*|transition(ed|ing)?)\b/i,
  religion: /\b(church|mosque|synagogue|temple|pray\w*|faith|religio\w*|god|allah|buddhis\w*|christian\w*|muslim|jewish|hindu|atheis\w*)\b/i,
  politics: /\b(vote[ds]?|voting|election|democrat\w*|republican\w*|liberal|conservative|political|politics|protest\w*|activis\w*)\b/i,
  money: /\b(debt|loan|mortgage|salary|bankrupt\w*|broke|credit card|bank account|savings|paycheck|rent is|can't afford|fired|laid off|unemploy\w*)\b/i,
  legal: /\b(arrest\w*|lawyer|lawsuit|court|police|immigra\w*|visa|deport\w*|divorce)\b/i,
  relationship: /\b(cheat\w*|affair|breakup|broke up|abus\w*|violent|assault\w*)\b/i,
};

/** Sensitive-content categories found in a text (health, money, …); empty when none. */
export function sensitiveKinds(text: string): string[] {
  return Object.entries(SENSITIVE).filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind);
}
