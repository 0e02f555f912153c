import type { ToolSpec } from '../brain/types';
import { toJsonSchema, validate, type Infer, type ObjectSchema } from './schema';

/** What a tool sees when it runs. */
export interface ToolContext {
  now: Date;
  signal: AbortSignal;
}

/** The card the user confirms before a tool with side effects runs. */
export interface ConfirmationRequest {
  tool: string;
  /** e.g. "Set a reminder?" */
  title: string;
  /** e.g. "Call Anna — today at 17:00" */
  detail: string;
  /** Label of the confirm button, e.g. "Set reminder". */
  confirmLabel: string;
}

/** A typed tool: schema-checked arguments in, schema-checked result out. */
export interface ToolDefinition<P extends ObjectSchema = ObjectSchema, R extends ObjectSchema = ObjectSchema> {
  name: string;
  /** For the model: what the tool does and when to use it. */
  description: string;
  parameters: P;
  result: R;
  /** Present for tools with side effects: the user confirms this card first. */
  confirm?: (args: Infer<P>, context: ToolContext) => Omit<ConfirmationRequest, 'tool'>;
  /** Checks that the schema cannot express (a time in the past, a bad link): a reason, or null. */
  check?: (args: Infer<P>, context: ToolContext) => string | null;
  run(args: Infer<P>, context: ToolContext): Promise<Infer<R>> | Infer<R>;
  /** What the companion says with the result (built-in and local brains speak it as is). */
  say(result: Infer<R>, args: Infer<P>, context: ToolContext): string;
  /** The compact transcript line for the result, e.g. "reminder set for 17:00". */
  caption(result: Infer<R>, args: Infer<P>, context: ToolContext): string;
}

/** Declares a tool with its argument and result types inferred from the schemas. */
export function defineTool<P extends ObjectSchema, R extends ObjectSchema>(tool: ToolDefinition<P, R>): ToolDefinition<P, R> {
  return tool;
}

/** Why a tool call ended the way it did. */
export type ToolOutcome =
  | { status: 'ok'; tool: string; result: Record<string, unknown>; say: string; caption: string }
  | { status: 'refused'; tool: string; reason: string; say: string; caption: string }
  | { status: 'cancelled'; tool: string; say: string; caption: string }
  | { status: 'failed'; tool: string; reason: string; say: string; caption: string };

export interface CallOptions {
  now?: Date;
  signal?: AbortSignal;
  /** Asks the user; resolves true to go ahead. Without it, tools with side effects are refused. */
  confirm?: (request: ConfirmationRequest, signal: AbortSignal) => Promise<boolean>;
}

/** Parses model-written arguments: a JSON object text, an object, or empty for no arguments. */
function parseArguments(raw: string | Record<string, unknown>): Record<string, unknown> | null {
  if (typeof raw !== 'string') return raw;
  if (!raw.trim()) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The tools one call can use. `call` never throws: bad names, bad arguments, a declined
 * confirmation and a failing tool all come back as an outcome the companion can say, so the
 * conversation goes on.
 */
export class ToolRegistry {
  private readonly tools = new Map<string, ToolDefinition>();

  register<P extends ObjectSchema, R extends ObjectSchema>(tool: ToolDefinition<P, R>): void {
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(tool.name)) throw new Error(`Tool name “${tool.name}” must be snake_case`);
    if (this.tools.has(tool.name)) throw new Error(`Tool “${tool.name}” is registered twice`);
    this.tools.set(tool.name, tool as unknown as ToolDefinition);
  }

  has(name: string): boolean {
    return this.tools.has(name);
  }

  get names(): string[] {
    return [...this.tools.keys()];
  }

  /** Whether the tool asks the user before running. */
  needsConfirmation(name: string): boolean {
    return Boolean(this.tools.get(name)?.confirm);
  }

  /** The tools as function-calling specs for the brain. */
  specs(): ToolSpec[] {
    return [...this.tools.values()].map((t) => ({ name: t.name, description: t.description, parameters: toJsonSchema(t.parameters) }));
  }

  /** Validates, confirms (side effects), runs and checks the result of one tool call. */
  async call(name: string, rawArguments: string | Record<string, unknown>, options: CallOptions = {}): Promise<ToolOutcome> {
    const tool = this.tools.get(name);
    const refuse = (reason: string): ToolOutcome => ({ status: 'refused', tool: name, reason, say: `I couldn’t do that: ${reason}.`, caption: `${name} refused: ${reason}` });
    if (!tool) return refuse(`there is no tool called “${name.slice(0, 40)}”`);
    const parsed = parseArguments(rawArguments);
    if (!parsed) return refuse('its arguments were not valid JSON');
    const checked = validate(tool.parameters, parsed);
    if (!checked.ok) return refuse(checked.reason);
    const context: ToolContext = { now: options.now ?? new Date(), signal: options.signal ?? new AbortController().signal };
    const problem = tool.check?.(checked.value, context);
    if (problem) return refuse(problem);
    if (tool.confirm) {
      if (!options.confirm) return refuse('it needs your confirmation and there is no way to ask for it here');
      const card = { tool: name, ...tool.confirm(checked.value, context) };
      let confirmed = false;
      try {
        confirmed = await options.confirm(card, context.signal);
      } catch {
        confirmed = false;
      }
      if (!confirmed || context.signal.aborted) return { status: 'cancelled', tool: name, say: 'Okay, I won’t do that.', caption: `${name} cancelled` };
    }
    let result: unknown;
    try {
      result = await tool.run(checked.value, context);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { status: 'failed', tool: name, reason, say: `Sorry, that didn’t work: ${reason}`, caption: `${name} failed: ${reason}` };
    }
    const output = validate(tool.result, result);
    if (!output.ok) return { status: 'failed', tool: name, reason: `bad result (${output.reason})`, say: 'Sorry, something went wrong with that.', caption: `${name} failed: bad result (${output.reason})` };
    return { status: 'ok', tool: name, result: output.value, say: tool.say(output.value, checked.value, context), caption: tool.caption(output.value, checked.value, context) };
  }
}
