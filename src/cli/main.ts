/**
 * @file The `lgo` program: commander configuration only. Each command lives in its own file,
 * registers its options here and imports its heavy modules lazily, so `lgo search` starts fast.
 */
import { Command, CommanderError } from 'commander';
import { LgoError } from '../errors.js';
import { processIo, type CliIo } from './io.js';
import { registerBuild } from './build.js';
import { registerComplete } from './complete.js';
import { registerExport } from './export.js';
import { registerFetch } from './fetch.js';
import { registerParse } from './parse.js';
import { registerSearch } from './search.js';
import { registerServe } from './serve.js';
import { registerShow } from './show.js';
import { registerStats } from './stats.js';

/** One registration per command: adds the command and its options to the program. */
export type Register = (program: Command, io: CliIo) => void;

const COMMANDS: Register[] = [registerParse, registerFetch, registerBuild, registerSearch, registerShow, registerExport, registerStats, registerServe, registerComplete];

/** Builds the program; tests call this with collecting streams and `exitOverride`. */
export function createProgram(io: CliIo): Command {
  const program = new Command('lgo')
    .description('Parse, search and export the published decisions of the Local Government and Social Care Ombudsman')
    .version('0.1.0')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const register of COMMANDS) register(program, io);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  return program;
}

/** Runs one command line and returns the exit code; never throws, never prints a stack trace. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    return reportError(err, io);
  }
}

/** Turns any error into one line on stderr (plus a hint) and an exit code. */
export function reportError(err: unknown, io: CliIo): number {
  if (err instanceof CommanderError) {
    // Commander has already printed its message; help and version are successes.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof LgoError) {
    io.stderr.write(`lgo: ${err.message}\n`);
    if (err.hint) io.stderr.write(`hint: ${err.hint}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`lgo: unexpected error: ${message.split('\n')[0]}\n`);
  if (io.env.LGO_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  return 1;
}
