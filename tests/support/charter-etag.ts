/** The charter's ETag at `version` as the API sends it: `"<version>-<digest>"` (the digest is the caller's view). */
export function charterEtagAt(version: number): unknown {
  return expect.stringMatching(new RegExp(`^"${version}-[\\w-]+"$`));
}
