/**
 * One line describing an error for the log. Flat on purpose: the core logger redacts any `name`
 * key (it may hold a farmer's name), which would hide the error's class.
 */
export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
