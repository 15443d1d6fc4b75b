/** The constraint a unique violation (SQLSTATE 23505) broke, whatever the driver; `undefined` for any other error. */
export function uniqueViolation(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint, message } = e as { code?: unknown; constraint?: unknown; message?: string };
    if (code === '23505') return typeof constraint === 'string' ? constraint : String(message ?? '');
  }
  return undefined;
}
