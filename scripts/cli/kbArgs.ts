/**
 * Flags of the `kb import|search` commands (issue 4 §6). A usage error is a message for the person
 * at the terminal, in Chinese with the English after it, and exit code 2.
 */
export class CliError extends Error {
  readonly exitCode = 2;
}

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: ReadonlyMap<string, string>;
  readonly switches: ReadonlySet<string>;
}

/** `valued` flags take the next argument (or `--flag=value`); `switches` take none. */
export function parseArgs(
  args: readonly string[],
  valued: readonly string[],
  switches: readonly string[],
  usage: string,
): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  const on = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (switches.includes(name) && eq < 0) {
      on.add(name);
      continue;
    }
    if (!valued.includes(name)) throw new CliError(`不认识的参数“${arg}” (unknown option ${arg})。${usage}`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') {
      throw new CliError(`参数 ${name} 后面缺少取值 (${name} needs a value)。${usage}`);
    }
    flags.set(name, value);
  }
  return { positional, flags, switches: on };
}

export function requireFlag(args: ParsedArgs, name: string, usage: string): string {
  const v = args.flags.get(name);
  if (v === undefined) throw new CliError(`缺少参数 ${name} (missing ${name})。${usage}`);
  return v;
}

export function parseLimit(args: ParsedArgs, usage: string): number {
  const raw = args.flags.get('--limit');
  if (raw === undefined) return 5;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new CliError(`--limit 须为 1 到 100 的整数 (--limit must be an integer 1..100)，收到“${raw}”。${usage}`);
  }
  return n;
}
