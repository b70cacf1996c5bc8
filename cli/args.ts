// A small argv parser: positionals, --flag, --name value / --name=value, repeatable options.

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface OptionSpec {
  /** options that take a value; all others are flags */
  values?: readonly string[];
  flags?: readonly string[];
  /** value options that may repeat (collected into arrays) */
  repeat?: readonly string[];
}

export interface Parsed {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], spec: OptionSpec): Parsed {
  const out: Parsed = { positionals: [], flags: new Set(), values: new Map() };
  const values = new Set([...(spec.values ?? []), ...(spec.repeat ?? [])]);
  const flags = new Set([...(spec.flags ?? []), 'help', 'json']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') {
      out.flags.add('help');
      continue;
    }
    if (!a.startsWith('--') || a === '--') {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (flags.has(name) && eq < 0) out.flags.add(name);
    else if (values.has(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`option --${name} needs a value`);
      if (out.values.has(name) && !spec.repeat?.includes(name)) throw new UsageError(`option --${name} given twice`);
      out.values.set(name, [...(out.values.get(name) ?? []), v]);
    } else throw new UsageError(`unknown option --${name}`);
  }
  return out;
}

/** A numeric option, or undefined; a non-number is a usage error. */
export function numberOpt(p: Parsed, name: string): number | undefined {
  const v = p.values.get(name)?.[0];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got '${v}'`);
  return n;
}
