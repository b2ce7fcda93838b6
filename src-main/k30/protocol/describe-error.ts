/**
 * Anything thrown, as text for a log line: the one way main turns an unknown error into words.
 * It lives in the lowest layer (protocol imports nothing of ours) so that every part of main,
 * the simulator and the client included, can use it. Never throws, even for an object with no
 * prototype or a throwing toString. Not for people: the renderer translates error codes.
 */
export function describeError(error: unknown, options: { stack?: boolean } = {}): string {
  try {
    if (error instanceof Error) return (options.stack ? error.stack : undefined) ?? error.message;
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}
