/**
 * @file The ranking index's posting lists as bytes: for one term, the decisions holding it in
 * ascending id order with the term's column-weighted frequency, as pairs of unsigned LEB128
 * varints (id gap, frequency). A word in every one of 60,000 decisions takes about 150 KB and
 * decodes in well under a millisecond. Hand-written because no maintained package does
 * delta-varint integer lists over a Uint8Array without copying (docs/design.md).
 */

/** A growable byte buffer of (id gap, frequency) pairs; ids must be appended in ascending order. */
export class PostingsBuilder {
  private buf = new Uint8Array(16);
  private size = 0;
  private last = 0;
  docs = 0;

  /** The id appended last (0 before any). */
  get lastId(): number {
    return this.last;
  }

  add(id: number, freq: number): void {
    if (this.size + 10 > this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf.subarray(0, this.size));
      this.buf = bigger;
    }
    this.size = putVarint(this.buf, this.size, id - this.last);
    this.size = putVarint(this.buf, this.size, freq);
    this.last = id;
    this.docs++;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.size);
  }
}

function putVarint(buf: Uint8Array, at: number, value: number): number {
  let v = value;
  while (v >= 0x80) {
    buf[at++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  buf[at++] = v;
  return at;
}

/**
 * Calls `each(id, freq)` for every posting in `data`, in ascending id order.
 * @example forEachPosting(blob, (id, f) => console.log(id, f))
 */
export function forEachPosting(data: Uint8Array, each: (id: number, freq: number) => void): void {
  const n = data.length;
  let i = 0;
  let id = 0;
  while (i < n) {
    let b = data[i++]!;
    let gap = b & 0x7f;
    for (let shift = 128; b & 0x80; shift *= 128) {
      b = data[i++]!;
      gap += (b & 0x7f) * shift;
    }
    b = data[i++]!;
    let freq = b & 0x7f;
    for (let shift = 128; b & 0x80; shift *= 128) {
      b = data[i++]!;
      freq += (b & 0x7f) * shift;
    }
    id += gap;
    each(id, freq);
  }
}
