/**
 * A small schema language for tool arguments and results: enough for flat objects of strings,
 * numbers, booleans and string lists, with TypeScript types inferred from the schema and an export
 * to JSON Schema for OpenAI-style function calling. ~2 KB instead of a validation library.
 */

export type FieldSchema =
  | { type: 'string'; description: string; optional?: boolean; minLength?: number; maxLength?: number; enum?: readonly string[] }
  | { type: 'number'; description: string; optional?: boolean; minimum?: number; maximum?: number; integer?: boolean }
  | { type: 'boolean'; description: string; optional?: boolean }
  | { type: 'string[]'; description: string; optional?: boolean; maxItems?: number; maxLength?: number };

export type ObjectSchema = Readonly<Record<string, FieldSchema>>;

type FieldValue<F extends FieldSchema> = F extends { type: 'string' }
  ? string
  : F extends { type: 'number' }
    ? number
    : F extends { type: 'boolean' }
      ? boolean
      : string[];
type RequiredKeys<S extends ObjectSchema> = { [K in keyof S]: S[K] extends { optional: true } ? never : K }[keyof S];
type OptionalKeys<S extends ObjectSchema> = Exclude<keyof S, RequiredKeys<S>>;

/** The TypeScript type of a value that passed `validate(schema, …)`. */
export type Infer<S extends ObjectSchema> = { [K in RequiredKeys<S>]: FieldValue<S[K]> } & { [K in OptionalKeys<S>]?: FieldValue<S[K]> };

export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };

function checkField(name: string, field: FieldSchema, value: unknown): string | null {
  switch (field.type) {
    case 'string': {
      if (typeof value !== 'string') return `“${name}” must be text`;
      const text = value.trim();
      if (text.length < (field.minLength ?? 0)) return field.minLength === 1 ? `“${name}” is empty` : `“${name}” is too short`;
      if (field.maxLength !== undefined && text.length > field.maxLength) return `“${name}” is longer than ${field.maxLength} characters`;
      if (field.enum && !field.enum.includes(text)) return `“${name}” must be one of ${field.enum.join(', ')}`;
      return null;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `“${name}” must be a number`;
      if (field.integer && !Number.isInteger(value)) return `“${name}” must be a whole number`;
      if (field.minimum !== undefined && value < field.minimum) return `“${name}” must be at least ${field.minimum}`;
      if (field.maximum !== undefined && value > field.maximum) return `“${name}” must be at most ${field.maximum}`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : `“${name}” must be true or false`;
    case 'string[]':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return `“${name}” must be a list of texts`;
      if (field.maxItems !== undefined && value.length > field.maxItems) return `“${name}” has more than ${field.maxItems} items`;
      if (field.maxLength !== undefined && value.some((v: string) => v.length > field.maxLength!)) return `an item of “${name}” is too long`;
      return null;
  }
}

/**
 * Checks `value` against `schema`. Strings are trimmed; unknown keys are dropped (models add them);
 * missing optional fields stay missing. The reason is a short sentence a person can read.
 */
export function validate<S extends ObjectSchema>(schema: S, value: unknown): Validation<Infer<S>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'the arguments are not an object' };
  const input = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema)) {
    const raw = input[name];
    if (raw === undefined || raw === null) {
      if (field.optional) continue;
      return { ok: false, reason: `“${name}” is missing` };
    }
    const problem = checkField(name, field, raw);
    if (problem) return { ok: false, reason: problem };
    out[name] = typeof raw === 'string' ? raw.trim() : raw;
  }
  return { ok: true, value: out as Infer<S> };
}

/** JSON Schema (draft 2020-12 subset) of an object schema, as OpenAI-compatible servers expect it. */
export function toJsonSchema(schema: ObjectSchema): { type: 'object'; properties: Record<string, unknown>; required: string[]; additionalProperties: false } {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(schema)) {
    const { optional, ...rest } = field;
    if (!optional) required.push(name);
    if (rest.type === 'string[]') {
      const { maxItems, maxLength, description } = rest;
      properties[name] = { type: 'array', description, items: { type: 'string', ...(maxLength !== undefined ? { maxLength } : {}) }, ...(maxItems !== undefined ? { maxItems } : {}) };
    } else if (rest.type === 'number' && rest.integer) {
      const { integer: _integer, ...numeric } = rest;
      properties[name] = { ...numeric, type: 'integer' };
    } else {
      properties[name] = { ...rest };
    }
  }
  return { type: 'object', properties, required, additionalProperties: false };
}
