/**
 * `ARG` declarations before the first `FROM`: the only ones Docker substitutes into `FROM`. Each
 * default is expanded against the arguments declared before it, and its text kept for stages that
 * re-declare the argument without a value and so inherit it.
 */
import type { Arg, Property } from 'dockerfile-ast';
import type { ArgSource } from '../types';
import {
  joinContinuations,
  sliceMapped,
  spanOf,
  type MappedText,
  type SourceContext,
} from './mappedText';
import { expand, PLATFORM_ARGS, type ArgBinding } from './substitution';

export interface GlobalArgs {
  readonly scope: Map<string, ArgBinding>;
  /** The default of each global `ARG` as written, quotes included. */
  readonly defaults: Map<string, MappedText>;
}

export function createGlobalArgs(): GlobalArgs {
  const scope = new Map<string, ArgBinding>();
  for (const name of PLATFORM_ARGS) scope.set(name, { state: 'unknown' });
  return { scope, defaults: new Map() };
}

export function declareGlobalArgs(arg: Arg, context: SourceContext, globals: GlobalArgs): void {
  for (const property of arg.getProperties()) {
    const written = defaultText(property, context);
    // Without a default the argument is unset unless given at build time; an earlier default stays.
    if (!written) continue;
    const source = argSource(property, written, context);
    const expansion = expand(written, globals.scope, context.escape, source);
    globals.scope.set(
      source.name,
      expansion ? { state: 'known', value: expansion } : { state: 'unknown' },
    );
    globals.defaults.set(source.name, written);
  }
}

/** Names an `ARG` inside a stage declares without a value: they inherit the global default. */
export function inheritedNames(arg: Arg): string[] {
  return arg
    .getProperties()
    .filter((property) => property.getValueRange() === null)
    .map((property) => property.getName());
}

/** The default as written (after `=`, quotes included, continuations joined), if there is one. */
function defaultText(property: Property, context: SourceContext): MappedText | undefined {
  const range = property.getValueRange();
  if (!range) return undefined;
  const { source, lines, escape } = context;
  return joinContinuations(source, lines.offsetAt(range.start), lines.offsetAt(range.end), escape);
}

function argSource(property: Property, written: MappedText, context: SourceContext): ArgSource {
  const { text } = written;
  const first = text.charAt(0);
  const quoted = text.length >= 2 && (first === '"' || first === "'") && text.endsWith(first);
  const value = quoted ? sliceMapped(written, 1, text.length - 1) : written;

  let span = spanOf(value, 0, value.text.length);
  if (value.text.length === 0) {
    const after = context.lines.offsetAt(
      property.getValueRange()?.start ?? property.getRange().end,
    );
    const at = after + (quoted ? 1 : 0);
    span = { start: at, end: at };
  }
  return {
    name: property.getName(),
    range: property.getRange(),
    valueRange: context.lines.rangeOf(span.start, span.end),
    value: value.text,
    inStage: false,
  };
}
