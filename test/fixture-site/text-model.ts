/**
 * @file Reads a decision in the seeds' plain-text form (corpus/*.txt, gold `text`) into a small
 * model the fixture site renders as lgo.org.uk-like HTML. Self-contained (no src/ imports) so
 * the benchmark can transpile this folder on its own.
 */

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'final-decision'; text: string }
  | { kind: 'summary'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'back-to-top' }
  | { kind: 'list'; ordered: boolean; items: ListItem[] };

export interface ListItem {
  text: string;
  children: ListItem[];
}

export interface DecisionText {
  organisation: string;
  ref: string;
  category: string | null;
  subcategory: string | null;
  outcome: string | null;
  /** As written: `03 Jun 2021`. */
  decisionDate: string | null;
  blocks: Block[];
}

const TITLE = /^(.*\S)\s*\((\d{2} \d{3} \d{3}[a-z]?)\)\s*$/i;
const HEADER = /^(Category|Decision|Decision date)\s*:\s*(.+)$/;
const NUMBERED = /^(\s*)(\d+|[a-z])[.)]\s+(.*)$/;
const BULLET = /^(\s*)[-•]\s+(.*)$/;

/**
 * Splits a seed-style text into title, header fields and body blocks.
 * @example readDecisionText(fs.readFileSync('corpus/000_c84c4f1ce20d3961.txt', 'utf8')).ref // '19 020 817'
 */
export function readDecisionText(text: string): DecisionText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Some captured texts open with the cookie panel; the decision starts at its title line.
  const first = lines.findIndex((l) => TITLE.test(l.trim()));
  const title = TITLE.exec(lines[first]?.trim() ?? '');
  if (!title) throw new Error(`no title line "Organisation (YY NNN NNN)" in: ${text.slice(0, 80)}`);
  const out: DecisionText = { organisation: title[1]!, ref: title[2]!, category: null, subcategory: null, outcome: null, decisionDate: null, blocks: [] };
  let i = first + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const h = HEADER.exec(line);
    if (!h) break;
    if (h[1] === 'Category') {
      const [cat, sub] = h[2]!.split('>').map((s) => s.trim());
      out.category = cat ?? null;
      out.subcategory = sub ?? null;
    } else if (h[1] === 'Decision') out.outcome = h[2]!.trim();
    else out.decisionDate = h[2]!.trim();
  }
  out.blocks = readBlocks(lines.slice(i));
  return out;
}

function readBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let list: { ordered: boolean; items: ListItem[]; indent: number } | null = null;
  const flush = (): void => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    list = null;
  };
  for (const raw of lines) {
    if (raw.trim() === '') continue;
    const num = NUMBERED.exec(raw);
    const bullet = num ? null : BULLET.exec(raw);
    if (num || bullet) {
      const indent = (num ?? bullet)![1]!.length;
      const text = num ? num[3]! : bullet![2]!;
      const ordered = Boolean(num);
      const current = list as { ordered: boolean; items: ListItem[]; indent: number } | null;
      if (current && indent > current.indent && current.items.length > 0) {
        current.items[current.items.length - 1]!.children.push({ text, children: [] });
        continue;
      }
      if (!current || current.ordered !== ordered) {
        flush();
        list = { ordered, items: [], indent };
      }
      list!.items.push({ text, children: [] });
      continue;
    }
    flush();
    const line = raw.trim();
    if (line === 'Back to top') blocks.push({ kind: 'back-to-top' });
    else if (/^The Ombudsman.s final decision:?$/i.test(line)) blocks.push({ kind: 'final-decision', text: line });
    else if (/^Summary:/i.test(line)) blocks.push({ kind: 'summary', text: line.replace(/^Summary:\s*/i, '') });
    else if (line.length < 80 && !/[.:;,]$/.test(line)) blocks.push({ kind: 'heading', text: line });
    else blocks.push({ kind: 'para', text: line });
  }
  flush();
  return blocks;
}

/**
 * The site's URL slug for a category name: `Children's care services` -> `children-s-care-services`.
 */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
