/**
 * One line saying why a config did not load. SWC's syntax errors are a framed code excerpt over several lines
 * (`x Expected ';'` … `,-[/app/auth.config.ts:3:7]`): the first message line and the place are what a terminal
 * or a CI log needs.
 * @example
 * loadErrorCause(error); // "Expected ';', got 'string' (/app/auth.config.ts:3:7)"
 */
export function loadErrorCause(error: unknown): string {
  const message = stripAnsi(error instanceof Error ? error.message : String(error));
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  const first = (lines.find((line) => /^[x×]\s/.test(line)) ?? lines[0] ?? 'unknown error').replace(/^[x×]\s+/, '');
  const place = /,-\[([^\]]+)\]/.exec(message)?.[1];
  return place ? `${first} (${place})` : first;
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
