// `vurder assess <workspace> <applicationId> --from assessment.json [--identity id.p12 --passphrase-env VAR]
//  [--assessor-id ID] [--assessor-name NAME] [--reopen-reason TEXT] [--lang nb|en]`
// Stores the assessment in the file as the assessor's (draft or final), through the same store as the app.
// The assessor is the identity's certificate name (and e-mail) when --identity is given; --assessor-id and
// --assessor-name override or replace it. The file's own `version` is ignored: the CLI saves on top of the
// stored version. Exit 0 stored, 1 refused by the store, 2 unreadable input or bad usage.
import { readUserFile } from '../../services/input/user-file';
import { resolve } from 'node:path';
import { formatErrorLine } from '../../../shared/errors/format';
import type { Language } from '../../../shared/i18n/localized';
import type { Assessor } from '../../../shared/assessment/schema';
import { describeThrown } from '../../../shared/errors/format';
import { nameSlug } from '../../../shared/text/slug';
import type { Identity } from '../../services/signing/identity';
import { loadAssessment, saveAssessment } from '../../services/store/assessment-store';
import { ServiceError } from '../../services/workspace/errors';
import type { CliCommand, CliIo } from '../command';
import { errorLine, openCliIdentity, openForCli, parseWithLang, usageError } from './workspace';

/** An assessment is a few KB of JSON. */
const INPUT_FILE_LIMIT = 5 * 1024 * 1024;

const USAGE =
  'vurder assess <arbeidsmappe|workspace> <søknads-id|applicationId> --from vurdering.json [--identity id.p12 --passphrase-env VAR] [--assessor-id ID] [--assessor-name NAVN] [--reopen-reason TEKST] [--lang nb|en]';

function line(io: CliIo, text: string): void {
  io.stderr(`${text.replace(/\s+/g, ' ').trim()}\n`);
}

interface AssessorSource {
  identityPath?: string;
  passphraseEnv?: string;
  id?: string;
  name?: string;
  fileAssessor?: Partial<Assessor>;
}

async function resolveAssessor(source: AssessorSource, io: CliIo, lang: Language): Promise<{ assessor: Assessor; identity?: Identity } | string> {
  let name = source.name;
  let email: string | undefined;
  let identity: Identity | undefined;
  if (source.identityPath !== undefined) {
    const opened = await openCliIdentity(source.identityPath, source.passphraseEnv, io, lang);
    if (typeof opened === 'string') return opened;
    identity = opened;
    name ??= identity.subjectName;
    email = identity.email;
  }
  name ??= source.fileAssessor?.name;
  const id = source.id ?? (name === undefined ? source.fileAssessor?.id : nameSlug(name));
  if (name === undefined || id === undefined || id === '') {
    return lang === 'nb' ? 'vurder assess: oppgi --identity eller --assessor-name' : 'vurder assess: give --identity or --assessor-name';
  }
  return { assessor: { id, name, ...(email === undefined ? {} : { email }) }, ...(identity ? { identity } : {}) };
}

export const assessCommand: CliCommand = {
  async run(args, io) {
    const options = parseWithLang(
      args,
      { from: 'string', identity: 'string', 'passphrase-env': 'string', 'assessor-id': 'string', 'assessor-name': 'string', 'reopen-reason': 'string' },
      io,
    );
    if (!options) return 2;
    const { parsed, lang } = options;
    const last = (name: string): string | undefined => parsed.strings.get(name)?.at(-1);
    const [dir, applicationId, ...extra] = parsed.positionals;
    const from = last('from');
    if (dir === undefined || applicationId === undefined || extra.length > 0 || from === undefined) {
      io.stderr(`vurder assess: ${formatErrorLine(usageError(USAGE), lang)}\n`);
      return 2;
    }
    const fromPath = resolve(io.cwd, from);
    let input: Record<string, unknown>;
    try {
      // A regular file under the limit only (issue 8 point 3).
      const json: unknown = JSON.parse((await readUserFile(fromPath, INPUT_FILE_LIMIT)).toString('utf8'));
      if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error(lang === 'nb' ? 'er ikke et JSON-objekt' : 'is not a JSON object');
      input = json as Record<string, unknown>;
    } catch (thrown) {
      line(io, thrown instanceof ServiceError ? thrown.toLine(lang) : `${fromPath}: ${describeThrown(thrown)}`);
      return 2;
    }
    if (input.applicationId !== undefined && input.applicationId !== applicationId) {
      line(io, lang === 'nb' ? `${fromPath}: gjelder søknaden ${String(input.applicationId)}, ikke ${applicationId}` : `${fromPath}: is for application ${String(input.applicationId)}, not ${applicationId}`);
      return 1;
    }
    const identityPath = last('identity');
    const resolved = await resolveAssessor(
      {
        ...(identityPath === undefined ? {} : { identityPath: resolve(io.cwd, identityPath) }),
        ...(last('passphrase-env') === undefined ? {} : { passphraseEnv: last('passphrase-env') }),
        ...(last('assessor-id') === undefined ? {} : { id: last('assessor-id') }),
        ...(last('assessor-name') === undefined ? {} : { name: last('assessor-name') }),
        ...(typeof input.assessor === 'object' && input.assessor !== null ? { fileAssessor: input.assessor as Partial<Assessor> } : {}),
      },
      io,
      lang,
    );
    if (typeof resolved === 'string') {
      line(io, resolved);
      return 2;
    }
    const { assessor, identity } = resolved;
    // With --identity the entries are authenticated with its key, as in the app.
    const opened = await openForCli(dir, io, lang, identity);
    if (!opened.ok) return opened.error;
    const ws = opened.value;
    try {
      let { assessment: current } = await loadAssessment(ws, assessor.id, applicationId);
      const reopenReason = last('reopen-reason');
      if (current?.status === 'final' && reopenReason !== undefined) current = await saveAssessment(ws, current, { reopenReason, actor: assessor.id });
      const saved = await saveAssessment(ws, { ...input, applicationId, assessor, version: current?.version ?? 0 }, { actor: assessor.id });
      const status = saved.status === 'final' ? (lang === 'nb' ? 'endelig' : 'final') : lang === 'nb' ? 'utkast' : 'draft';
      io.stdout(
        lang === 'nb'
          ? `${applicationId}: lagret som ${status}, versjon ${saved.version}, vurderer ${saved.assessor.name} (${saved.assessor.id})\n`
          : `${applicationId}: stored as ${status}, version ${saved.version}, assessor ${saved.assessor.name} (${saved.assessor.id})\n`,
      );
      return 0;
    } catch (thrown) {
      // A schema failure is about the input file, so name that file rather than the store's subject.
      const invalidInput = thrown instanceof ServiceError && thrown.code === 'assessment.invalid';
      line(io, invalidInput ? `${fromPath}: ${thrown.appError.localized[lang]}` : errorLine(thrown, lang, fromPath));
      return 1;
    }
  },
};
