/** A person or thing the user talks about, with how they refer to it. */
export interface Entity {
  id: string;
  /** Proper name when known ("Anna"), else null. */
  name: string | null;
  /** Relation to the user ("sister", "boss"), else null. */
  relation: string | null;
  gender: 'female' | 'male' | 'unknown';
  /** Last turn (counter) the entity was mentioned in. */
  lastMentioned: number;
}

/** A span of text resolved to an entity. */
export interface Resolution {
  mention: string;
  index: number;
  entityId: string;
}

const FEMALE_RELATIONS = ['sister', 'mother', 'mom', 'mum', 'mommy', 'aunt', 'wife', 'girlfriend', 'daughter', 'niece', 'grandma', 'grandmother', 'stepmother', 'stepsister', 'fiancee', 'granddaughter'];
const MALE_RELATIONS = ['brother', 'father', 'dad', 'daddy', 'uncle', 'husband', 'boyfriend', 'son', 'nephew', 'grandpa', 'grandfather', 'stepfather', 'stepbrother', 'fiance', 'grandson'];
const NEUTRAL_RELATIONS = ['boss', 'manager', 'friend', 'best friend', 'partner', 'roommate', 'flatmate', 'coworker', 'colleague', 'neighbor', 'neighbour', 'therapist', 'doctor', 'teacher', 'coach', 'cousin', 'kid', 'child', 'baby', 'landlord', 'mentor', 'ex', 'spouse', 'sibling', 'parent', 'dog', 'cat', 'pet'];
const RELATIONS = [...FEMALE_RELATIONS, ...MALE_RELATIONS, ...NEUTRAL_RELATIONS].sort((a, b) => b.length - a.length);
const REL = RELATIONS.join('|');
const NAME = String.raw`([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)`;
const NOT_NAMES = new Set(['I', 'The', 'This', 'That', 'It', 'He', 'She', 'They', 'We', 'You', 'My', 'Yes', 'No', 'Oh', 'Hey', 'Hi', 'Thanks', 'Thank', 'Well', 'So', 'And', 'But', 'Wow', 'Yeah', 'Sure', 'Okay', 'Ok', 'Sorry', 'Good', 'Great', 'What', 'When', 'Where', 'Why', 'How', 'Who', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Christmas', 'Easter', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Is', 'Are', 'Was', 'Do', 'Did', 'Can', 'Will', 'Just', 'Also', 'Last', 'Next', 'Today', 'Yesterday', 'Tomorrow', 'Mom', 'Dad']);

/** Gender implied by a relation word. */
export function relationGender(relation: string): Entity['gender'] {
  const r = relation.toLowerCase();
  if (FEMALE_RELATIONS.includes(r)) return 'female';
  if (MALE_RELATIONS.includes(r)) return 'male';
  return 'unknown';
}

/** Tracks the entities of one memory space and resolves mentions ("she", "my boss") to them. */
export class EntityRegistry {
  readonly entities = new Map<string, Entity>();
  private turn = 0;

  /** Entity by exact (case-insensitive) name. */
  byName(name: string): Entity | undefined {
    const key = name.toLowerCase();
    for (const e of this.entities.values()) if (e.name?.toLowerCase() === key || e.name?.toLowerCase().split(' ')[0] === key) return e;
    return undefined;
  }

  /** Entity by the user's relation to it ("boss"). */
  byRelation(relation: string): Entity | undefined {
    const key = relation.toLowerCase();
    let found: Entity | undefined;
    for (const e of this.entities.values()) if (e.relation === key && (!found || e.lastMentioned > found.lastMentioned)) found = e;
    return found;
  }

  private upsert(name: string | null, relation: string | null, gender: Entity['gender']): Entity {
    let entity = (name ? this.byName(name) : undefined) ?? (relation ? this.byRelation(relation) : undefined);
    // A named person who matches an unnamed relation entity ("my boss" … "my boss Tom") is the same one.
    if (name && relation && !entity) entity = undefined;
    if (name && relation) {
      const unnamed = this.byRelation(relation);
      if (unnamed && !unnamed.name) entity = unnamed;
    }
    if (!entity) {
      const id = name ? `person:${name.toLowerCase().replace(/\s+/g, '-')}` : `relation:${relation}`;
      entity = { id, name, relation, gender, lastMentioned: this.turn };
      this.entities.set(id, entity);
    }
    if (name && !entity.name) entity.name = name;
    if (relation && !entity.relation) entity.relation = relation;
    if (entity.gender === 'unknown' && gender !== 'unknown') entity.gender = gender;
    entity.lastMentioned = this.turn;
    return entity;
  }

  /** Learns entities from one turn and returns every mention resolved (names, "my sister", pronouns). */
  resolve(text: string, options: { speakerNames?: readonly string[] } = {}): Resolution[] {
    this.turn += 1;
    const out: Resolution[] = [];
    const covered: boolean[] = new Array(text.length).fill(false);
    const mark = (index: number, mention: string, entity: Entity) => {
      for (let i = index; i < index + mention.length; i++) if (covered[i]) return;
      for (let i = index; i < index + mention.length; i++) covered[i] = true;
      out.push({ mention, index, entityId: entity.id });
    };
    const patterns: [RegExp, (m: RegExpExecArray) => [string | null, string | null]][] = [
      [new RegExp(String.raw`\b[Mm]y (${REL})(?:,)?\s+(?:is\s+(?:called|named)\s+|named\s+|called\s+)?${NAME}`, 'g'), (m) => [m[2], m[1].toLowerCase()]],
      [new RegExp(String.raw`${NAME},?\s+(?:is\s+)?[Mm]y\s+(${REL})\b`, 'g'), (m) => [m[1], m[2].toLowerCase()]],
      [new RegExp(String.raw`\b[Mm]y (${REL})'?s? name is ${NAME}`, 'g'), (m) => [m[2], m[1].toLowerCase()]],
    ];
    for (const [pattern, pick] of patterns) {
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const [name, relation] = pick(m);
        if (name && NOT_NAMES.has(name.split(' ')[0])) continue;
        const entity = this.upsert(name, relation, relationGender(relation ?? ''));
        mark(m.index, m[0], entity);
      }
    }
    for (let m = new RegExp(String.raw`\bmy (${REL})\b`, 'gi'), r = m.exec(text); r; r = m.exec(text)) {
      const relation = r[1].toLowerCase();
      mark(r.index, r[0], this.upsert(null, relation, relationGender(relation)));
    }
    const speakers = new Set((options.speakerNames ?? []).map((s) => s.toLowerCase()));
    for (let m = /\b[A-Z][a-z]{1,}\b/g, r = m.exec(text); r; r = m.exec(text)) {
      const word = r[0];
      if (NOT_NAMES.has(word)) continue;
      const atSentenceStart = r.index === 0 || /[.!?]\s*$/.test(text.slice(0, r.index));
      const known = this.byName(word);
      if (!known && (atSentenceStart || speakers.has(word.toLowerCase()))) continue;
      mark(r.index, word, known ?? this.upsert(word, null, 'unknown'));
    }
    for (let m = /\b(she|her|hers|herself|he|him|his|himself)\b/gi, r = m.exec(text); r; r = m.exec(text)) {
      const gender = /^(she|her|hers|herself)$/i.test(r[1]) ? 'female' : 'male';
      const target = this.antecedent(gender, out);
      if (target) mark(r.index, r[1], target);
    }
    return out.sort((a, b) => a.index - b.index);
  }

  /** Most recent entity of a gender: this turn's mentions first, then earlier turns; unknown-gender only if alone. */
  private antecedent(gender: 'female' | 'male', thisTurn: readonly Resolution[]): Entity | undefined {
    const mentioned = thisTurn.map((r) => this.entities.get(r.entityId)).filter((e): e is Entity => !!e);
    const sameTurn = [...mentioned].reverse().find((e) => e.gender === gender) ?? [...mentioned].reverse().find((e) => e.gender === 'unknown');
    if (sameTurn) return sameTurn;
    const recent = [...this.entities.values()].filter((e) => this.turn - e.lastMentioned <= 6).sort((a, b) => b.lastMentioned - a.lastMentioned);
    const matching = recent.find((e) => e.gender === gender);
    if (matching) return matching;
    // Unknown gender: take it only when one entity was mentioned in the previous two turns.
    const unknown = recent.filter((e) => e.gender === 'unknown' && this.turn - e.lastMentioned <= 2);
    return unknown.length === 1 ? unknown[0] : undefined;
  }

  /** Human label for an entity ("Anna (sister)"). */
  label(id: string): string {
    const e = this.entities.get(id);
    if (!e) return id;
    if (e.name && e.relation) return `${e.name} (${e.relation})`;
    return e.name ?? `your ${e.relation}`;
  }
}
