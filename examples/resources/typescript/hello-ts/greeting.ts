/** Who greets, and how. */
export interface Greeter {
  prefix: string;
}

export function greeting(greeter: Greeter, name: string): string {
  return `${greeter.prefix}, ${name}!`;
}

/** Throws: the error names greeting.ts and this line. */
export function failing(parts: readonly string[]): never {
  throw new Error(`no parts (${parts.length})`);
}
