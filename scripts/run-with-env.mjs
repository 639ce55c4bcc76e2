#!/usr/bin/env node
// Runs a command with environment variables set, the same way on Windows (npm runs scripts in cmd.exe, where
// `NAME=value command` and `NODE_OPTIONS='…'` are syntax errors) and on POSIX shells.
//   node scripts/run-with-env.mjs [--import-tsx] [NAME=value …] <command> [args …]
// --import-tsx adds `--import tsx` to NODE_OPTIONS (kept, not replaced). The command is looked up on PATH
// (npm puts node_modules/.bin there); its exit code (or signal) is passed on.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const env = { ...process.env };
while (args.length > 0) {
  const [first] = args;
  if (first === '--import-tsx') {
    env.NODE_OPTIONS = [env.NODE_OPTIONS, '--import tsx'].filter(Boolean).join(' ');
  } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(first ?? '')) {
    const at = first.indexOf('=');
    env[first.slice(0, at)] = first.slice(at + 1);
  } else {
    break;
  }
  args.shift();
}
const [command, ...rest] = args;
if (command === undefined) {
  console.error('run-with-env: no command given (usage: node scripts/run-with-env.mjs [--import-tsx] [NAME=value …] <command> [args …])');
  process.exit(2);
}
// Windows: the .bin entries are .cmd shims, which Node only starts through the shell (arguments here are
// plain words: test names and flags).
const child = spawn(command, rest, { env, stdio: 'inherit', shell: process.platform === 'win32' });
child.on('error', (error) => {
  console.error(`run-with-env: cannot start ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  if (signal !== null) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
