// `vurder trust add <ws> <cert.pem|cert.der> [--name N]`, `vurder trust list <ws> [--json]`,
// `vurder trust remove <ws> <fingerprint>`, each with [--identity id.p12 --passphrase-env VAR] (docs/workspace.md
// § Trust list).
// Exit 0 done · 1 refused (not a certificate, not on the list, list changed outside Vurder) · 2 bad usage.
import { resolve } from 'node:path';
import { formatErrorLine } from '../../../shared/errors/format';
import type { Language } from '../../../shared/i18n/localized';
import type { Identity } from '../../services/signing/identity';
import type { TrustEntry } from '../../services/trust/trust-list';
import { addTrustedCertificate, listTrustedCertificates, removeTrustedCertificate } from '../../services/trust/trust-list';
import type { CliCommand, CliIo } from '../command';
import { errorLine, openCliIdentity, openForCli, parseWithLang, usageError } from './workspace';

const USAGE =
  'vurder trust add <mappe|dir> <sertifikat.pem|.der> [--name N] | vurder trust list <mappe|dir> [--json] | vurder trust remove <mappe|dir> <fingeravtrykk>  (alle: [--identity id.p12 --passphrase-env VAR])';

function describe(entry: TrustEntry, lang: Language): string {
  const by = entry.selfSigned ? (lang === 'nb' ? 'selvsignert' : 'self-signed') : `${lang === 'nb' ? 'utstedt av' : 'issued by'} ${entry.issuerName}`;
  const until = `${lang === 'nb' ? 'gyldig til' : 'valid until'} ${entry.notAfter.slice(0, 10)}`;
  const subject = entry.name === entry.subjectName ? entry.name : `${entry.name} (${entry.subjectName})`;
  return `${entry.fingerprint}  ${subject}; ${by}; ${until}`;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseWithLang(args, { name: 'string', json: 'boolean', identity: 'string', 'passphrase-env': 'string' }, io);
  if (!options) return 2;
  const { parsed, lang } = options;
  const [sub, dir, target, ...extra] = parsed.positionals;
  const name = parsed.strings.get('name')?.at(-1);
  const json = parsed.booleans.has('json');
  const shapeOk =
    dir !== undefined &&
    extra.length === 0 &&
    ((sub === 'add' && target !== undefined && !json) ||
      (sub === 'list' && target === undefined && name === undefined) ||
      (sub === 'remove' && target !== undefined && name === undefined && !json));
  if (!shapeOk) {
    io.stderr(`vurder trust: ${formatErrorLine(usageError(USAGE), lang)}\n`);
    return 2;
  }
  // With --identity the changes are authenticated in the audit log, and a list changed without it is refused.
  const identityPath = parsed.strings.get('identity')?.at(-1);
  let identity: Identity | undefined;
  if (identityPath !== undefined) {
    const result = await openCliIdentity(resolve(io.cwd, identityPath), parsed.strings.get('passphrase-env')?.at(-1), io, lang);
    if (typeof result === 'string') {
      io.stderr(`${result}\n`);
      return 2;
    }
    identity = result;
  }
  const opened = await openForCli(dir, io, lang, identity);
  if (!opened.ok) return opened.error;
  const ws = opened.value;
  try {
    switch (sub) {
      case 'add': {
        const result = await addTrustedCertificate(ws.dir, resolve(io.cwd, target ?? ''), { ...(name === undefined ? {} : { name }), actor: 'cli' });
        for (const entry of result.added) io.stdout(`${lang === 'nb' ? 'Lagt til' : 'Added'}: ${describe(entry, lang)}\n`);
        for (const entry of result.present) io.stdout(`${lang === 'nb' ? 'Står allerede i listen' : 'Already on the list'}: ${describe(entry, lang)}\n`);
        return 0;
      }
      case 'list': {
        const entries = await listTrustedCertificates(ws.dir);
        if (json) {
          io.stdout(`${JSON.stringify(entries.map(({ certificate: _der, ...rest }) => rest), null, 2)}\n`);
        } else if (entries.length === 0) {
          io.stdout(lang === 'nb' ? 'Klareringslisten er tom.\n' : 'The trust list is empty.\n');
        } else {
          for (const entry of entries) io.stdout(`${describe(entry, lang)}\n`);
        }
        return 0;
      }
      case 'remove': {
        const removed = await removeTrustedCertificate(ws.dir, target ?? '', { actor: 'cli' });
        io.stdout(`${lang === 'nb' ? 'Fjernet' : 'Removed'}: ${describe(removed, lang)}\n`);
        return 0;
      }
      default:
        return 2;
    }
  } catch (thrown) {
    io.stderr(`${errorLine(thrown, lang, target ?? dir)}\n`);
    return 1;
  }
}

export const trustCommand: CliCommand = { run };
