/** Characters a toolchain name may have after its `go1`. */
const NAME_CHARACTER = /[.\w+-]/;

/**
 * The Go version a toolchain name ends with: `1.22.1` for `go1.22.1`, and for a custom build such
 * as `gccgo-go1.22.1`; `undefined` when the name has none. Scanned by hand: the regular expression
 * that says this, `/(?:^|-)go(1[.\w+-]*)$/`, backtracks quadratically on long names.
 */
export function toolchainVersion(name: string): string | undefined {
  // The version lies after the last character a name may not have.
  let tail = name.length;
  while (tail > 0 && NAME_CHARACTER.test(name.charAt(tail - 1))) tail--;
  if (tail === 0 && name.startsWith('go1')) return name.slice(2);
  const dash = name.indexOf('-go1', tail);
  return dash < 0 ? undefined : name.slice(dash + 3);
}
