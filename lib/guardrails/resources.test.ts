import { describe, expect, test } from 'vitest';
import { regionOf, resourcesFor, RESOURCES } from './resources';
import { safeResponse } from './safe-response';

describe('regionOf', () => {
  test.each([
    ['en-GB', 'GB'], ['en-us', 'US'], ['en_IE', 'IE'], ['fr-CA', 'CA'], ['de', 'DE'], ['fr', 'FR'], ['es', 'ES'], ['hi', 'IN'],
    ['zh-Hant-TW', 'TW'], ['en', null], ['', null], [undefined, null],
  ])('%s → %s', (locale, region) => expect(regionOf(locale)).toBe(region));
});

describe('resourcesFor', () => {
  test.each([
    ['en-US', 'self-harm', '911', '988'],
    ['en-GB', 'self-harm', '999', '116 123'],
    ['en-IE', 'abuse', '112', '1800 341 900'],
    ['en-CA', 'self-harm', '911', '988'],
    ['en-AU', 'abuse', '000', '1800 737 732'],
    ['en-NZ', 'self-harm', '111', '1737'],
    ['de-DE', 'self-harm', '112', '0800 111 0 111'],
    ['fr-FR', 'self-harm', '112', '3114'],
    ['es-ES', 'abuse', '112', '016'],
    ['en-IN', 'self-harm', '112', '14416'],
  ] as const)('%s %s: emergency %s, line %s', (locale, category, emergency, number) => {
    const { region, lines } = resourcesFor(locale, category);
    expect(region.emergency.number).toBe(emergency);
    expect(lines[0].number).toBe(number);
    expect(lines[0].href).toMatch(/^(tel|sms):/);
    expect(lines.at(-1)?.href).toBe('https://findahelpline.com');
  });

  test('an unknown or bare locale falls back to the international card', () => {
    const { region, lines } = resourcesFor('en', 'self-harm');
    expect(region.region).toBe('INTL');
    expect(lines).toHaveLength(1);
    expect(lines[0].href).toBe('https://findahelpline.com');
    expect(resourcesFor('pt-BR', 'abuse').region.region).toBe('INTL');
  });

  test('every listed region has an emergency number and a self-harm line', () => {
    for (const region of Object.values(RESOURCES)) {
      expect(region.emergency.href).toBe(`tel:${region.emergency.number}`);
      expect(region.lines['self-harm']?.length).toBeGreaterThan(0);
    }
  });
});

describe('safeResponse', () => {
  test('says the local line and the emergency number out loud, warmly', () => {
    const { text, card } = safeResponse('self-harm', 'en-GB');
    expect(text).toContain('Samaritans on 116 123');
    expect(text).toContain('call 999');
    expect(text).toMatch(/glad you told me/);
    expect(card).toMatchObject({ category: 'self-harm', region: 'GB' });
  });

  test('medical emergencies lead with the emergency number', () => {
    const { text } = safeResponse('medical-emergency', 'en-US');
    expect(text.split('.').slice(0, 2).join('.')).toContain('call 911');
  });

  test('without a local line it points to findahelpline.com', () => {
    expect(safeResponse('abuse', 'pt-BR').text).toContain('findahelpline.com');
  });
});
