/**
 * @file Long text for a person at a terminal goes through a pager, as git and man do: `$PAGER`,
 * else `less` (with `LESS=FRX` unless set: quit if it fits, keep colours, leave the text on screen).
 * Not a terminal, `PAGER` empty or `cat`, or text that fits: written straight to stdout. A pager
 * that cannot be started falls back to stdout too.
 */
import { spawn } from 'node:child_process';
import { write, type CliIo } from './io.js';

/** Writes `text` through the pager when stdout is a terminal and it is longer than the screen. */
export async function writePaged(text: string, io: CliIo): Promise<void> {
  const pager = io.env.PAGER ?? 'less';
  const lines = text.split('\n').length;
  if (!io.stdoutIsTTY || pager.trim() === '' || pager.trim() === 'cat' || lines <= (io.rows ?? 24) - 1) return write(io.stdout, text);
  const shown = await new Promise<boolean>((resolve) => {
    const child = spawn(pager, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], cwd: io.cwd, env: { ...io.env, LESS: io.env.LESS ?? 'FRX' } });
    child.on('error', () => resolve(false));
    // 127: the shell found no such command; nothing was shown.
    child.on('close', (code) => resolve(code !== 127));
    child.stdin.on('error', () => {}); // the reader quit early (q in less): not an error
    child.stdin.end(text);
  });
  if (!shown) await write(io.stdout, text);
}
