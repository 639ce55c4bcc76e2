// The one catalogue of failures a person may see. Every code maps to a message in nb and en; `{name}`
// placeholders are filled from the params given when the error is made. Add new codes here (keep the
// `domain.problem` form) rather than composing user text elsewhere, so every message exists in both languages.
import type { LocalizedText } from '../i18n/localized';

export interface ErrorTemplate {
  nb: string;
  en: string;
}

export const ERROR_CATALOGUE = {
  // Opening a package (folder or zip).
  'package.not-found': { nb: 'finnes ikke', en: 'does not exist' },
  'package.not-a-package': {
    nb: 'er verken en mappe eller en zip-fil',
    en: 'is neither a folder nor a zip file',
  },
  'package.manifest-not-package': {
    nb: 'er selve soknad.json; oppgi mappen (eller zip-filen) som inneholder den',
    en: 'is soknad.json itself; give the folder (or zip file) that contains it',
  },
  'package.unreadable': { nb: 'kan ikke leses ({detail})', en: 'cannot be read ({detail})' },
  'package.zip-unreadable': {
    nb: 'er ikke en lesbar zip-fil ({detail})',
    en: 'is not a readable zip file ({detail})',
  },
  'package.zip-truncated': {
    nb: 'er avkortet eller ikke en zip-fil (fant ikke zip-katalogen på slutten)',
    en: 'is truncated or not a zip file (no zip directory at its end)',
  },
  'package.archive-too-large': {
    nb: 'zip-filen er {size} byte; grensen er {limit} byte',
    en: 'the zip file is {size} bytes; the limit is {limit} bytes',
  },
  'package.no-manifest': {
    nb: 'mangler soknad.json i roten av pakken',
    en: 'has no soknad.json at the root of the package',
  },
  'package.zip-slip': {
    nb: 'filstien «{entry}» peker ut av pakken (..)',
    en: 'the path "{entry}" points outside the package (..)',
  },
  'package.absolute-path': {
    nb: 'filstien «{entry}» er absolutt; bare relative stier er tillatt',
    en: 'the path "{entry}" is absolute; only relative paths are allowed',
  },
  'package.backslash-path': {
    nb: 'filstien «{entry}» inneholder omvendt skråstrek (\\)',
    en: 'the path "{entry}" contains a backslash (\\)',
  },
  'package.invalid-name': {
    nb: 'filnavnet «{entry}» er ugyldig ({detail})',
    en: 'the file name "{entry}" is invalid ({detail})',
  },
  'package.symlink': {
    nb: '«{entry}» er en symbolsk lenke; pakker kan ikke inneholde lenker',
    en: '"{entry}" is a symbolic link; packages may not contain links',
  },
  'package.special-file': {
    nb: '«{entry}» er verken en vanlig fil eller en mappe',
    en: '"{entry}" is neither a regular file nor a folder',
  },
  'package.duplicate-entry': {
    nb: '«{entry}» finnes mer enn én gang (store og små bokstaver regnes som like)',
    en: '"{entry}" occurs more than once (upper and lower case count as the same)',
  },
  'package.encrypted-entry': {
    nb: '«{entry}» er kryptert i zip-filen; pakken må være ukryptert',
    en: '"{entry}" is encrypted in the zip file; the package must be unencrypted',
  },
  'package.too-many-entries': {
    nb: 'pakken har {count} oppføringer; grensen er {limit}',
    en: 'the package has {count} entries; the limit is {limit}',
  },
  'package.too-large': {
    nb: 'pakken pakker ut til mer enn {limit} byte',
    en: 'the package unpacks to more than {limit} bytes',
  },
  'package.file-too-large': {
    nb: '«{entry}» er større enn grensen på {limit} byte',
    en: '"{entry}" is larger than the limit of {limit} bytes',
  },
  'package.zip-size-mismatch': {
    nb: 'størrelsen på «{entry}» i zip-katalogen stemmer ikke med innholdet (skadet eller manipulert zip-fil)',
    en: 'the size of "{entry}" in the zip directory does not match its content (damaged or tampered zip file)',
  },
  'package.zip-crc-mismatch': {
    nb: 'innholdet i «{entry}» stemmer ikke med kontrollsummen (CRC-32) i zip-filen (skadet eller manipulert zip-fil)',
    en: 'the content of "{entry}" does not match its checksum (CRC-32) in the zip file (damaged or tampered zip file)',
  },
  'package.zip-directory-mismatch': {
    nb: 'zip-katalogen oppgir størrelser som ikke stemmer med innholdet (skadet eller manipulert zip-fil)',
    en: 'the zip directory gives sizes that do not match the content (damaged or tampered zip file)',
  },
  'package.zip-bomb': {
    nb: '«{entry}» pakker ut mer enn {limit} ganger sin komprimerte størrelse (zip-bombe?)',
    en: '"{entry}" unpacks to more than {limit} times its compressed size (zip bomb?)',
  },
  'package.manifest-too-large': {
    nb: 'soknad.json er større enn grensen på {limit} byte',
    en: 'soknad.json is larger than the limit of {limit} bytes',
  },
  // The manifest.
  'package.invalid-encoding': {
    nb: 'er ikke gyldig UTF-8-tekst',
    en: 'is not valid UTF-8 text',
  },
  'package.invalid-json': {
    nb: 'ugyldig JSON på linje {line}, kolonne {column}',
    en: 'invalid JSON at line {line}, column {column}',
  },
  'package.unsupported-version': {
    nb: 'formatVersion {version} støttes ikke; denne versjonen av Vurder leser formatVersion 1',
    en: 'formatVersion {version} is not supported; this version of Vurder reads formatVersion 1',
  },
  'package.invalid-field': {
    nb: '{count} feil i feltene: {details}',
    en: 'field problems ({count}): {details}',
  },
  // Attachments.
  'attachment.missing': {
    nb: 'vedlegget «{entry}» står i soknad.json, men finnes ikke i pakken',
    en: 'the attachment "{entry}" is listed in soknad.json but is not in the package',
  },
  'attachment.not-pdf': {
    nb: 'vedlegget «{entry}» heter .pdf, men er ikke en PDF (starter ikke med %PDF-)',
    en: 'the attachment "{entry}" is named .pdf but is not a PDF (does not start with %PDF-)',
  },
  'attachment.not-pdf-name': {
    nb: 'vedlegget «{entry}» er ikke en PDF; bare PDF-vedlegg (.pdf) godtas',
    en: 'the attachment "{entry}" is not a PDF; only PDF attachments (.pdf) are accepted',
  },
  'attachment.encrypted-pdf': {
    nb: 'vedlegget «{entry}» er en kryptert PDF',
    en: 'the attachment "{entry}" is an encrypted PDF',
  },
  'attachment.damaged-pdf': {
    nb: 'vedlegget «{entry}» ser skadet ut (mangler %%EOF)',
    en: 'the attachment "{entry}" looks damaged (no %%EOF)',
  },
  // The app's IPC bridge and its state (electron/services/backend).
  'ipc.invalid-request': {
    nb: 'ugyldig forespørsel til «{channel}»: {detail}',
    en: 'invalid request to "{channel}": {detail}',
  },
  'ipc.invalid-response': {
    nb: 'svaret fra «{channel}» har feil form: {detail}',
    en: 'the answer from "{channel}" has the wrong shape: {detail}',
  },
  'ipc.unknown-channel': { nb: 'ukjent kanal «{channel}»', en: 'unknown channel "{channel}"' },
  'ipc.path-not-granted': {
    nb: '«{path}» ble ikke valgt i en dialog i Vurder, så «{channel}» avviste den; velg den på nytt',
    en: '"{path}" was not chosen in a Vurder dialog, so "{channel}" refused it; choose it again',
  },
  'ipc.untrusted-sender': {
    nb: 'forespørselen kom ikke fra Vurders eget vindu og ble avvist',
    en: 'the request did not come from Vurder\'s own window and was refused',
  },
  'app.external-refused': {
    nb: 'lenken «{url}» ble ikke åpnet: bare lenker du klikker på, til {hosts}, åpnes i nettleseren',
    en: 'the link "{url}" was not opened: only links you click, to {hosts}, open in the browser',
  },
  'workspace.none-open': {
    nb: 'ingen arbeidsmappe er åpen; opprett eller åpne en først',
    en: 'no workspace is open; create or open one first',
  },
  'settings.no-assessor': {
    nb: 'oppgi navnet ditt i innstillingene før du vurderer',
    en: 'enter your name in the settings before you assess',
  },
  'settings.unreadable': {
    nb: 'innstillingene kan ikke leses ({detail})',
    en: 'the settings cannot be read ({detail})',
  },
  // Workspace, import, assessment store (electron/services/workspace, import, store; docs/workspace.md).
  'workspace.not-found': {
    nb: 'er ikke en arbeidsmappe (workspace.json mangler)',
    en: 'is not a workspace (workspace.json is missing)',
  },
  'workspace.not-empty': {
    nb: 'mappen er ikke tom; velg en ny eller tom mappe',
    en: 'the folder is not empty; choose a new or empty folder',
  },
  'workspace.damaged': { nb: 'er skadet ({detail})', en: 'is damaged ({detail})' },
  'workspace.busy': {
    nb: 'arbeidsmappen er låst av en annen prosess (pid {pid}); prøv igjen',
    en: 'the workspace is locked by another process (pid {pid}); try again',
  },
  'workspace.scheme-changed': {
    nb: 'ordningen er endret etter at arbeidsmappen ble laget (SHA-256 {actual}, forventet {expected})',
    en: 'the scheme was changed after the workspace was created (SHA-256 {actual}, expected {expected})',
  },
  'scheme.not-found': { nb: 'fant ikke ordningen «{schemeId}»', en: 'scheme "{schemeId}" not found' },
  'scheme.invalid': { nb: 'ordningen er ugyldig ({detail})', en: 'the scheme is invalid ({detail})' },
  'import.wrong-scheme': {
    nb: 'søknaden gjelder ordningen «{found}», men arbeidsmappen er for «{expected}»',
    en: 'the application is for scheme "{found}", but the workspace is for "{expected}"',
  },
  'import.write-failed': {
    nb: 'ble ikke importert: {reasonNb}; ingenting av pakken er lagt i arbeidsmappen, prøv igjen når feilen er rettet',
    en: 'was not imported: {reasonEn}; nothing of the package was put in the workspace, try again once the fault is fixed',
  },
  'import.conflict': {
    nb: 'søknaden {applicationId} er allerede importert med annet innhold (lagret SHA-256 {existing}, ny SHA-256 {incoming})',
    en: 'application {applicationId} is already imported with other content (stored SHA-256 {existing}, new SHA-256 {incoming})',
  },
  'import.duplicate-in-batch': {
    nb: 'søknaden {applicationId} finnes to ganger i samme import',
    en: 'application {applicationId} appears twice in the same import',
  },
  'casefile.unreadable': { nb: 'saksliste kan ikke leses ({detail})', en: 'case list cannot be read ({detail})' },
  'casefile.missing-column': {
    nb: 'sakslisten mangler kolonnen «{column}»',
    en: 'the case list has no column "{column}"',
  },
  'casefile.bad-row': { nb: 'rad {row}: {detail}', en: 'row {row}: {detail}' },
  'casefile.pdf-missing': {
    nb: 'rad {row}: fant ikke PDF-en «{entry}» i mappen {folder}',
    en: 'row {row}: the PDF "{entry}" is not in the folder {folder}',
  },
  // Award lists (docs/award-list-format.md).
  'awards.unreadable': { nb: 'tildelingslisten kan ikke leses ({detail})', en: 'the award list cannot be read ({detail})' },
  'awards.limit': { nb: 'tildelingslisten er avvist: {detailNb}', en: 'the award list is refused: {detailEn}' },
  'awards.missing-column': {
    nb: 'tildelingslisten mangler kolonnen «{column}»',
    en: 'the award list has no column "{column}"',
  },
  'casefile.limit': { nb: 'sakslisten er avvist: {detailNb}', en: 'the case list is refused: {detailEn}' },
  'casefile.bad-name': {
    nb: 'rad {row}: vedleggsnavnet «{entry}» er ikke tillatt ({detailNb})',
    en: 'row {row}: the attachment name "{entry}" is not allowed ({detailEn})',
  },
  'casefile.symlink': {
    nb: 'rad {row}: «{entry}» er en symbolsk lenke; vedlegg i sakslistens mappe kan ikke være lenker',
    en: 'row {row}: "{entry}" is a symbolic link; attachments in the case list\'s folder may not be links',
  },
  'application.not-found': {
    nb: 'søknaden {applicationId} er ikke importert i arbeidsmappen',
    en: 'application {applicationId} is not imported in this workspace',
  },
  'document.not-in-package': {
    nb: 'filen «{path}» er ikke en del av søknaden {applicationId}',
    en: 'the file "{path}" is not part of application {applicationId}',
  },
  'document.changed': {
    nb: 'filen «{path}» er endret etter import (SHA-256 stemmer ikke med pakkelåsen)',
    en: 'the file "{path}" was changed after import (SHA-256 does not match the package lock)',
  },
  'assessment.invalid': { nb: 'vurderingen er ugyldig ({detail})', en: 'the assessment is invalid ({detail})' },
  'assessment.wrong-scheme': {
    nb: 'vurderingen gjelder ordningen «{found}», arbeidsmappen «{expected}»',
    en: 'the assessment is for scheme "{found}", the workspace for "{expected}"',
  },
  'assessment.stale-version': {
    nb: 'vurderingen er endret et annet sted (lagret versjon {stored}, din versjon {yours}); last den inn på nytt',
    en: 'the assessment was changed elsewhere (stored version {stored}, yours {yours}); reload it',
  },
  'assessment.final': {
    nb: 'vurderingen er endelig; gjenåpne den med en begrunnelse for å endre den',
    en: 'the assessment is final; reopen it with a reason to change it',
  },
  'assessment.not-final': { nb: 'vurderingen er ikke endelig', en: 'the assessment is not final' },
  'assessment.damaged': {
    nb: 'vurderingen er skadet og ingen versjon i historikken er gyldig; filen er latt urørt',
    en: 'the assessment is damaged and no history version is valid; the file was left untouched',
  },
  'assessment.recovered': {
    nb: 'var skadet og er gjenopprettet fra versjon {version} i historikken; den skadde filen er lagt til side som {damaged}',
    en: 'was damaged and has been recovered from history version {version}; the damaged file is kept as {damaged}',
  },
  'assessment.restored': {
    nb: 'manglet og er gjenopprettet fra versjon {version} i historikken',
    en: 'was missing and has been restored from history version {version}',
  },
  'assessment.incomplete': {
    nb: 'vurderingen kan ikke gjøres endelig: {problemsNb}',
    en: 'the assessment cannot be made final: {problemsEn}',
  },
  // Records bound to the audit log and write faults (issue 8 points 1 and 6; docs/workspace.md).
  'record.changed-outside': {
    nb: 'endret utenfor Vurder {changedAt} (revisjonsloggen registrerte versjon {version} {recordedAt} med SHA-256 {expected}, filen har nå {actual})',
    en: 'changed outside Vurder on {changedAt} (the audit log recorded version {version} on {recordedAt} with SHA-256 {expected}, the file now has {actual})',
  },
  'record.not-recorded': {
    nb: 'endret utenfor Vurder {changedAt} (den endelige versjonen {version} finnes ikke i revisjonsloggen)',
    en: 'changed outside Vurder on {changedAt} (final version {version} is not in the audit log)',
  },
  'record.unauthenticated': {
    nb: 'revisjonsloggens oppføring for den endelige versjonen {version} er ikke autentisert med identitetens nøkkel (skrevet uten identiteten, f.eks. vurder assess uten --identity, eller forfalsket); gjenåpne og ferdigstill med identiteten',
    en: "the audit entry of final version {version} is not authenticated with the identity's key (written without the identity, e.g. vurder assess without --identity, or forged); reopen and finalise with the identity",
  },
  'record.package-changed': {
    nb: 'pakkelåsen er endret utenfor Vurder (revisjonsloggen registrerte pakke-SHA-256 {expected} ved import, låsen har {actual})',
    en: 'the package lock was changed outside Vurder (the audit log recorded package SHA-256 {expected} at import, the lock has {actual})',
  },
  'store.write-failed': {
    nb: 'kunne ikke lagres: {reasonNb}; siste lagrede versjon er uendret, prøv igjen når feilen er rettet',
    en: 'could not be saved: {reasonEn}; the last saved version is unchanged, try again once the fault is fixed',
  },
  // Files the person names (electron/services/input/user-file.ts) and the trust list (electron/services/trust).
  'file.not-found': { nb: 'finnes ikke', en: 'does not exist' },
  'file.unreadable': { nb: 'kan ikke leses ({detail})', en: 'cannot be read ({detail})' },
  'file.not-regular': { nb: 'er {kindNb}; bare vanlige filer kan leses', en: 'is {kindEn}; only regular files can be read' },
  'file.too-large': { nb: 'filen er {size} byte; grensen er {limit} byte', en: 'the file is {size} bytes; the limit is {limit} bytes' },
  'trust.not-a-certificate': {
    nb: 'er ikke et lesbart X.509-sertifikat i PEM eller DER ({detail})',
    en: 'is not a readable X.509 certificate in PEM or DER ({detail})',
  },
  'trust.not-on-list': {
    nb: 'sertifikatet {fingerprint} står ikke i klareringslisten',
    en: 'the certificate {fingerprint} is not on the trust list',
  },
  'trust.bad-fingerprint': {
    nb: '«{value}» er ikke et SHA-256-fingeravtrykk (64 heksadesimale tegn, med eller uten kolon)',
    en: '"{value}" is not a SHA-256 fingerprint (64 hexadecimal digits, with or without colons)',
  },
  'trust.not-authenticated': {
    nb: 'klareringslistens siste endring (revisjonslogg-oppføring {seq}) er ikke bekreftet med nøkkelen til {holder}; den brukes ikke (legg sertifikatene til på nytt med --identity)',
    en: "the trust list's last change (audit entry {seq}) is not authenticated by {holder}'s key; it is not used (add the certificates again with --identity)",
  },
  'trust.unauthenticated-entry': {
    nb: 'klareringslistens siste endring (revisjonslogg-oppføring {seq}) er ikke autentisert, mens loggen ellers er det; den brukes ikke',
    en: "the trust list's last change (audit entry {seq}) is not authenticated in a log that otherwise is; it is not used",
  },
  'trust.damaged': { nb: 'klareringslisten er skadet ({detail})', en: 'the trust list is damaged ({detail})' },
  'trust.changed-outside': {
    nb: 'klareringslisten er endret utenfor Vurder (SHA-256 {actual}, revisjonsloggen sier {expected}); den brukes ikke',
    en: 'the trust list was changed outside Vurder (SHA-256 {actual}, the audit log says {expected}); it is not used',
  },
  // The panel round (docs/panel.md).
  'panel.not-panel': {
    nb: 'er ikke et panelarbeidsområde (lag et med vurder panel init)',
    en: 'is not a panel workspace (make one with vurder panel init)',
  },
  'panel.settings-invalid': { nb: 'rundeinnstillingene er ugyldige ({detail})', en: 'the round settings are invalid ({detail})' },
  'panel.unknown-pool': {
    nb: 'potten «{pool}» finnes ikke som forbeholdt pott i ordningen; bruk {allowed}',
    en: 'the pool "{pool}" is not a reserved pool of the scheme; use {allowed}',
  },
  'merge.not-exchange': { nb: 'er ikke en utvekslingsfil fra Vurder ({detail})', en: 'is not a Vurder exchange file ({detail})' },
  'merge.unreadable': { nb: 'kan ikke leses ({detail})', en: 'cannot be read ({detail})' },
  'merge.invalid-signature': { nb: 'signaturen holder ikke: {detail}', en: 'the signature does not hold: {detail}' },
  'merge.untrusted': {
    nb: 'signert av {signer}, som ikke står på klareringslisten (bruk --allow-untrusted for å ta den inn merket)',
    en: 'signed by {signer}, who is not on the trust list (use --allow-untrusted to take it in, marked)',
  },
  'merge.wrong-scheme': {
    nb: 'gjelder ordningen «{found}», panelet «{expected}»',
    en: 'is for scheme "{found}", the panel for "{expected}"',
  },
  'merge.scheme-changed': {
    nb: 'er vurdert mot en annen utgave av ordningsfilen (SHA-256 {found}, panelets {expected})',
    en: 'was assessed against another version of the scheme file (SHA-256 {found}, the panel has {expected})',
  },
  'merge.unknown-application': {
    nb: 'inneholder søknaden {applicationId}, som panelet ikke har importert',
    en: 'holds application {applicationId}, which the panel has not imported',
  },
  'merge.package-mismatch': {
    nb: 'søknaden {applicationId} er vurdert på en annen pakke enn panelets kopi ({detail})',
    en: 'application {applicationId} was assessed on another package than the panel\'s copy ({detail})',
  },
  'merge.not-final': {
    nb: 'vurderingen av {applicationId} er ikke endelig',
    en: 'the assessment of {applicationId} is not final',
  },
  'merge.duplicate-application': {
    nb: 'søknaden {applicationId} står mer enn én gang i filen',
    en: 'application {applicationId} appears more than once in the file',
  },
  'consensus.invalid': { nb: '{detailNb}', en: '{detailEn}' },
  'impartiality.round-damaged': {
    nb: 'habilitetserklæringen for runden kan ikke leses ({detail}); erklær på nytt',
    en: 'the round impartiality declaration cannot be read ({detail}); declare again',
  },
  /** The panel's documents were not written (open flags, award-list findings, no identity …); nothing half-written. */
  'panel.report-refused': { nb: 'innstillingen ble ikke laget: {detailNb}', en: 'the recommendation was not made: {detailEn}' },
  'consensus.stale-version': {
    nb: 'konsensus for {applicationId} er endret et annet sted (lagret versjon {stored}, din {yours}); last inn på nytt',
    en: 'the consensus for {applicationId} was changed elsewhere (stored version {stored}, yours {yours}); reload it',
  },
  'consensus.damaged': { nb: 'konsensusfilen er skadet ({detail})', en: 'the consensus file is damaged ({detail})' },
  // The command line.
  'cli.usage': { nb: '{detail}', en: '{detail}' },
  'cli.unknown-option': { nb: 'ukjent valg {option}', en: 'unknown option {option}' },
  'cli.missing-value': { nb: '{option} trenger en verdi', en: '{option} needs a value' },
  'cli.bad-value': {
    nb: '{option} kan ikke være «{value}»; bruk {allowed}',
    en: '{option} cannot be "{value}"; use {allowed}',
  },
  'cli.wrong-arguments': {
    nb: 'feil antall argumenter; bruk: {usage}',
    en: 'wrong number of arguments; usage: {usage}',
  },
  'cli.scheme-unknown': {
    nb: 'ordningen «{schemeId}» er ikke innebygd i Vurder',
    en: 'the scheme "{schemeId}" is not built into Vurder',
  },
  // Last resort: something we did not foresee. Still one line, never a stack trace.
  'internal.unexpected': {
    nb: 'uventet feil: {detail}',
    en: 'unexpected error: {detail}',
  },
} as const satisfies Record<string, ErrorTemplate>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export type ErrorParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing silently. */
export function fillTemplate(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function localizeError(code: ErrorCode, params: ErrorParams = {}): LocalizedText {
  const template: ErrorTemplate = ERROR_CATALOGUE[code];
  return { nb: fillTemplate(template.nb, params), en: fillTemplate(template.en, params) };
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, value);
}
