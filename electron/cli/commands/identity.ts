// `vurder identity create --name N --email E --out id.p12 --passphrase-env VAR [--key-type p-256|rsa-3072]
//   [--cert-out cert.pem] [--ca] [--issuer ca.p12 --issuer-passphrase-env VAR2]`
// `vurder identity show <id.p12> --passphrase-env VAR [--json]`
// The passphrase is read from an environment variable so it never appears in the shell history.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatErrorLine, unexpectedError } from '../../../shared/errors/format';
import { certificateToPem, describeCertificate } from '../../services/signing/certificate';
import type { KeyType } from '../../services/signing/certificate';
import { createCertificateAuthority, createIdentity, IdentityError, issueIdentity, openIdentity, writeIdentityP12 } from '../../services/signing/identity';
import { choiceOption, parseCliArgs } from '../args';
import type { CliCommand, CliIo } from '../command';

const USAGE = [
  'vurder identity create --name N --email E --out id.p12 --passphrase-env VAR [--key-type p-256|rsa-3072] [--cert-out cert.pem] [--ca] [--issuer ca.p12 --issuer-passphrase-env VAR2]',
  'vurder identity show <id.p12> --passphrase-env VAR [--json]',
].join('\n       ');

export class CliFailure extends Error {
  constructor(
    readonly nb: string,
    readonly en: string,
    readonly exitCode = 2,
  ) {
    super(en);
  }
}

/** The passphrase from the environment variable named by `option`. */
export function passphraseFrom(io: CliIo, variable: string | undefined, option: string): string {
  if (!variable) throw new CliFailure(`${option} mangler`, `${option} is required`);
  const value = io.env[variable];
  if (value === undefined || value === '') {
    throw new CliFailure(`miljøvariabelen ${variable} (${option}) er tom eller mangler`, `the environment variable ${variable} (${option}) is empty or unset`);
  }
  return value;
}

export function identityFailure(path: string, error: unknown): CliFailure {
  if (error instanceof IdentityError) {
    const nb = error.code === 'wrong-passphrase' ? 'feil passordfrase' : 'kan ikke åpne identiteten';
    return new CliFailure(`${path}: ${nb}`, `${path}: ${error.message}`);
  }
  throw error;
}

/** One stderr line, Norwegian first with English in parentheses; never a stack trace. */
export function reportFailure(io: CliIo, command: string, error: unknown, subject?: string): number {
  if (error instanceof CliFailure) {
    io.stderr(`vurder ${command}: ${error.nb} (${error.en})\n`);
    return error.exitCode;
  }
  io.stderr(`vurder ${command}: ${formatErrorLine(unexpectedError(error, subject), 'nb')}\n`);
  return 2;
}

async function create(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, {
    name: 'string',
    email: 'string',
    out: 'string',
    'passphrase-env': 'string',
    'key-type': 'string',
    'cert-out': 'string',
    ca: 'boolean',
    issuer: 'string',
    'issuer-passphrase-env': 'string',
  });
  if (!parsed.ok) throw new CliFailure(parsed.error.localized.nb, parsed.error.localized.en);
  const value = (name: string) => parsed.value.strings.get(name)?.at(-1);
  const name = value('name');
  const out = value('out');
  if (!name || !out || parsed.value.positionals.length > 0) throw new CliFailure(`bruk: ${USAGE}`, `usage: ${USAGE}`);
  const keyChoice = choiceOption(parsed.value, 'key-type', ['p-256', 'rsa-3072'] as const, 'p-256');
  if (!keyChoice.ok) throw new CliFailure(keyChoice.error.localized.nb, keyChoice.error.localized.en);
  const keyType: KeyType = keyChoice.value === 'p-256' ? 'P-256' : 'RSA-3072';
  const passphrase = passphraseFrom(io, value('passphrase-env'), '--passphrase-env');
  const email = value('email');
  const subject = { name, keyType, ...(email ? { email } : {}) };
  const issuerPath = value('issuer');
  let identity;
  if (parsed.value.booleans.has('ca')) {
    identity = await createCertificateAuthority(subject);
  } else if (issuerPath) {
    const issuerFile = resolve(io.cwd, issuerPath);
    const issuerPassphrase = passphraseFrom(io, value('issuer-passphrase-env'), '--issuer-passphrase-env');
    const ca = await openIdentity(issuerFile, issuerPassphrase).catch((error: unknown) => {
      throw identityFailure(issuerPath, error);
    });
    identity = await issueIdentity(ca, subject);
  } else {
    identity = await createIdentity(subject);
  }
  const outPath = resolve(io.cwd, out);
  await writeIdentityP12(identity, outPath, passphrase);
  const certOut = value('cert-out');
  if (certOut) await writeFile(resolve(io.cwd, certOut), certificateToPem(identity.certificateDer));
  io.stdout(`${out}: ${identity.subjectName}\nFingeravtrykk / fingerprint (SHA-256): ${identity.fingerprint}\n`);
  return 0;
}

async function show(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { 'passphrase-env': 'string', json: 'boolean' });
  if (!parsed.ok) throw new CliFailure(parsed.error.localized.nb, parsed.error.localized.en);
  const [file, ...extra] = parsed.value.positionals;
  if (!file || extra.length > 0) throw new CliFailure(`bruk: ${USAGE}`, `usage: ${USAGE}`);
  const passphrase = passphraseFrom(io, parsed.value.strings.get('passphrase-env')?.at(-1), '--passphrase-env');
  const identity = await openIdentity(resolve(io.cwd, file), passphrase).catch((error: unknown) => {
    throw identityFailure(file, error);
  });
  const summary = describeCertificate(identity.certificate);
  if (parsed.value.booleans.has('json')) {
    io.stdout(`${JSON.stringify({ ...summary, keyType: identity.keyType, chain: identity.chain.length }, null, 2)}\n`);
  } else {
    io.stdout(
      [
        `Navn / name: ${summary.subjectName}${summary.email ? ` <${summary.email}>` : ''}`,
        `Utsteder / issuer: ${summary.issuerName}${summary.selfSigned ? ' (selvsignert / self-signed)' : ''}`,
        `Gyldig / valid: ${summary.notBefore} – ${summary.notAfter}`,
        `Fingeravtrykk / fingerprint (SHA-256): ${summary.fingerprint}`,
        '',
      ].join('\n'),
    );
  }
  return 0;
}

export const identityCommand: CliCommand = {
  async run(args, io) {
    const [sub, ...rest] = args;
    try {
      switch (sub) {
        case 'create':
          return await create(rest, io);
        case 'show':
          return await show(rest, io);
        default:
          throw new CliFailure(`bruk: ${USAGE}`, `usage: ${USAGE}`);
      }
    } catch (error) {
      return reportFailure(io, 'identity', error);
    }
  },
};
