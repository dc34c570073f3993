/**
 * @file Bytes to text without mojibake: BOM first; then UTF-8 when the bytes are valid UTF-8
 * (a real windows-1252 page with non-ASCII bytes is almost never valid UTF-8, while sites do
 * mislabel UTF-8 pages); then the declared charset (meta tag or transport header) via the
 * WHATWG sniffer; then windows-1252.
 */
import { isUtf8 } from 'node:buffer';
import { getEncoding } from 'encoding-sniffer';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a page's bytes. `declared` is a charset from an HTTP Content-Type header, if any.
 * @example decodeBytes(fs.readFileSync('page.html'))
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (isUtf8(bytes)) return utf8.decode(bytes);
  let encoding = 'windows-1252';
  try {
    encoding = getEncoding(bytes, { maxBytes: 4096, transportLayerEncodingLabel: declared, defaultEncoding: 'windows-1252' });
    if (/^utf-?8$/i.test(encoding)) encoding = 'windows-1252'; // it was not valid UTF-8 above
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
