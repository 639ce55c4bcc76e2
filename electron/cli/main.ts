// `vurder` command-line entry. Each command lives in its own file under commands/ and is registered here.
import type { CliCommand, CliIo } from './command';
import { processIo } from './command';

// zod's JIT (a `new Function` per object schema on its first parse) pays off only over many parses; a cold
// `vurder check` parses each schema once or a few times, and compiling them cost ~6 ms of a ~90 ms start.
// Set before any command module is imported: zod reads the flag when a schema is constructed. zod 4 keeps its
// config on this global (zod/v4/core/core.js) so that every copy of zod shares it; if a later zod stops
// reading it, parsing is just JIT-compiled again. The result of a parse is the same either way.
const zodConfig = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodConfig.__zod_globalConfig ??= {};
zodConfig.__zod_globalConfig.jitless = true;

const commands: Record<string, () => Promise<CliCommand>> = {
  // Register commands as: name: async () => (await import('./commands/name')).nameCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  demo: async () => (await import('./commands/demo')).demoCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  identity: async () => (await import('./commands/identity')).identityCommand,
  trust: async () => (await import('./commands/trust')).trustCommand,
  verify: async () => (await import('./commands/verify')).verifyCommand,
  workspace: async () => (await import('./commands/workspace')).workspaceCommand,
  import: async () => (await import('./commands/import')).importCommand,
  list: async () => (await import('./commands/list')).listCommand,
  assess: async () => (await import('./commands/assess')).assessCommand,
  awards: async () => (await import('./commands/awards')).awardsCommand,
  report: async () => (await import('./commands/report')).reportCommand,
  panel: async () => (await import('./commands/panel')).panelCommand,
  merge: async () => (await import('./commands/merge')).mergeCommand,
  consensus: async () => (await import('./commands/consensus')).consensusCommand,
  rank: async () => (await import('./commands/rank')).rankCommand,
  allocate: async () => (await import('./commands/rank')).allocateCommand,
};

function usage(): string {
  return ['Usage: vurder <command> [options]', '', 'Commands:', ...Object.keys(commands).map((name) => `  ${name}`)].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`vurder: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  const command = await load();
  return command.run(rest, io);
}
