/**
 * @file Term counts sent from parse workers as numbers, not strings. A worker numbers the words
 * it meets (sending each word's text once, the first time), and the writing thread maps a
 * worker's numbers to one table shared by all workers. So the writing thread, the bottleneck of
 * a full build, indexes postings by array position instead of hashing ~400 word strings per
 * decision: at 20,000 decisions this took about a quarter of its time.
 */
import type { TermCounts } from '../search/tokens.js';

/**
 * A worker's counts: its own word numbers, the words first numbered in this message, in order.
 * Plain arrays, not typed ones: 60,000 messages' typed arrays live outside the JavaScript heap,
 * where the collector reclaims them late (a full build's memory grew by ~400 MB).
 */
export interface CodedCounts {
  codes: number[];
  freqs: number[];
  length: number;
  fresh: string[];
}

/** Counts over the shared table's numbers (the writing thread's side). */
export interface TableCounts {
  table: TermTable;
  ids: number[];
  freqs: number[];
  length: number;
}

/** Numbers words in a worker; one per worker thread. */
export class TermEncoder {
  private readonly dict = new Map<string, number>();

  encode(c: TermCounts): CodedCounts {
    const codes = new Array<number>(c.terms.length);
    const fresh: string[] = [];
    c.terms.forEach((term, i) => {
      let code = this.dict.get(term);
      if (code === undefined) {
        code = this.dict.size;
        this.dict.set(term, code);
        fresh.push(term);
      }
      codes[i] = code;
    });
    return { codes, freqs: c.freqs, length: c.length, fresh };
  }
}

/** Every word the workers of one build have sent, numbered once. */
export class TermTable {
  readonly terms: string[] = [];
  private readonly index = new Map<string, number>();

  idOf(term: string): number {
    let id = this.index.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.index.set(term, id);
      this.terms.push(term);
    }
    return id;
  }
}

/** Maps one worker's numbers to the shared table's; messages must be decoded in the order sent. */
export class TermDecoder {
  private local = new Int32Array(1024);
  private size = 0;

  constructor(private readonly table: TermTable) {}

  decode(c: CodedCounts): TableCounts {
    for (const term of c.fresh) {
      if (this.size === this.local.length) {
        const bigger = new Int32Array(this.local.length * 2);
        bigger.set(this.local);
        this.local = bigger;
      }
      this.local[this.size++] = this.table.idOf(term);
    }
    const ids = c.codes.map((code) => this.local[code]!);
    return { table: this.table, ids, freqs: c.freqs, length: c.length };
  }
}
