/**
 * @file Response bodies: reading with a size cap, decompressing with a cap on the output (a gzip
 * bomb stops at the cap instead of filling memory), and decoding the charset the WHATWG way.
 */
import zlib from 'node:zlib';
import { decodeBuffer } from 'encoding-sniffer';
import { FatalFetchError } from './errors.js';

/** Reads a body stream into one buffer, refusing more than `maxBytes` on the wire. */
export async function readCapped(body: AsyncIterable<Uint8Array>, maxBytes: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(url, maxBytes);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * Undoes Content-Encoding (gzip, deflate, br), never producing more than `maxBytes`.
 * @example decompress(buf, 'gzip', 5_000_000, url)
 */
export function decompress(raw: Buffer, encoding: string | undefined, maxBytes: number, url: string): Buffer {
  const enc = (encoding ?? '').trim().toLowerCase();
  // An empty body (304, HEAD-like answers) may still carry the header.
  if (enc === '' || enc === 'identity' || raw.length === 0) return raw;
  const opts = { maxOutputLength: maxBytes };
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return zlib.gunzipSync(raw, opts);
    if (enc === 'deflate') return inflateEither(raw, opts);
    if (enc === 'br') return zlib.brotliDecompressSync(raw, opts);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooLarge(url, maxBytes);
    throw new FatalFetchError('bad-encoding', `${url}: the ${enc} body could not be decompressed`, { cause: err });
  }
  throw new FatalFetchError('bad-encoding', `${url}: unsupported Content-Encoding "${enc}"`);
}

/** Servers send "deflate" both with and without the zlib wrapper. */
function inflateEither(raw: Buffer, opts: zlib.ZlibOptions): Buffer {
  try {
    return zlib.inflateSync(raw, opts);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw err;
    return zlib.inflateRawSync(raw, opts);
  }
}

function tooLarge(url: string, maxBytes: number): FatalFetchError {
  return new FatalFetchError('too-large', `${url}: the response is larger than ${maxBytes} bytes`, {
    hint: 'raise the cap only if the page is genuine (a decision page is well under 1 MB)',
  });
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return m?.[1];
}

/**
 * Decodes HTML bytes: BOM, then the HTTP charset, then `<meta charset>`, then windows-1252.
 * When the HTTP charset is wrong (bytes that are not valid in it), the document's own
 * declaration wins; `mismatch` tells the caller so it can report it.
 */
export function decodeHtml(bytes: Buffer, contentType: string | undefined): { text: string; mismatch: boolean } {
  const label = charsetOf(contentType);
  const text = decodeBuffer(bytes, label ? { transportLayerEncodingLabel: label } : {});
  if (!label || !text.includes('\uFFFD')) return { text, mismatch: false };
  const sniffed = decodeBuffer(bytes, {});
  if (countReplacement(sniffed) < countReplacement(text)) return { text: sniffed, mismatch: true };
  return { text, mismatch: false };
}

function countReplacement(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\uFFFD') n++;
  return n;
}
