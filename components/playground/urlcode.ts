/**
 * The /playground page keeps its code in the URL so a learner can share a
 * link: `#code=<base64url of the UTF-8 source>` (RFC 4648 §5, no padding).
 */

export function encodeCode(source: string): string {
  const bytes = new TextEncoder().encode(source);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The source in a `#code=…` hash, or null when there is none or it does not decode. */
export function decodeCode(hash: string): string | null {
  const m = /(?:^#?|&)code=([A-Za-z0-9_-]*)/.exec(hash);
  if (m === null) return null;
  try {
    const b64 = m[1].replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Points a playground's "Open in Playground" link at its current code. */
export function updateOpenLink(root: HTMLElement, source: string): void {
  const a = root.querySelector<HTMLAnchorElement>('a.pg-open');
  if (a === null) return;
  const url = new URL(a.href, location.href);
  url.hash = `code=${encodeCode(source)}`;
  a.href = url.toString();
}
