/**
 * French typography faults of a text: a plain space or no space before `: ; ? !`, or inside « »
 * (each needs U+202F, the narrow no-break space). Shared by the schema's and the console's tests.
 */
export function typographyFaults(text: string): string[] {
  const faults: string[] = []
  for (const match of text.matchAll(/(.)([:;?!])/g)) {
    // A colon inside a word, URL or pattern (https://, 10:30, a port wildcard :*) is no punctuation.
    if (match[2] === ':' && /[/\d*]/.test(text[(match.index ?? 0) + 2] ?? '')) continue
    if (match[1] !== '\u202f') faults.push(match[0])
  }
  for (const match of text.matchAll(/«(.)|(.)»/g))
    if ((match[1] ?? match[2]) !== '\u202f') faults.push(match[0])
  return faults
}
