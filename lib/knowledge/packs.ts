import type { PackFile } from './protocol';

/** Files of each demo persona's built-in knowledge pack, under public/knowledge/<persona>/. */
export const KNOWLEDGE_PACKS: Readonly<Record<string, readonly string[]>> = {
  study: ['study-techniques.md'],
  coach: ['goal-setting.md'],
  friend: ['staying-well-in-winter.md'],
  listener: ['winding-down.md'],
};

/** Pack files for a persona (none for custom personas), with stable document ids. */
export function packFiles(personaId: string): PackFile[] {
  return (KNOWLEDGE_PACKS[personaId] ?? []).map((name) => ({ docId: `pack:${personaId}:${name}`, url: `/knowledge/${personaId}/${name}`, name }));
}
