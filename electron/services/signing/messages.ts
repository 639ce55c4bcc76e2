// Norwegian and English text for every verification problem code.
import type { VerificationProblem, VerificationProblemCode } from './report';

const NB: Record<VerificationProblemCode, string> = {
  'unreadable-signature': 'signaturen kan ikke leses',
  'no-signer': 'signaturen har ingen signatar',
  'signer-certificate-missing': 'signatarens sertifikat mangler i signaturen',
  'unsupported-algorithm': 'signaturen bruker en algoritme som ikke støttes',
  modified: 'innholdet er endret etter signering',
  'certificate-mismatch': 'sertifikatet er byttet ut: det stemmer ikke med signaturen',
  'bad-signature': 'signaturen stemmer ikke med signatarens sertifikat',
  'no-signature': 'filen har ingen signatur',
  'not-whole-file': 'signaturen dekker ikke hele filen (noe er lagt til etter signering)',
  'changed-after-signing': 'gyldig for delen som ble signert, men dokumentet er endret etter signering',
  untrusted: 'signataren er ikke i listen over godkjente sertifikater',
  'malformed-exchange': 'utvekslingsfilen har feil format',
  'payload-hash-mismatch': 'payloadSha256 i filen stemmer ikke med innholdet',
  'malformed-certificate': 'sertifikatet i filen kan ikke leses',
  'unreadable-file': 'filen kan ikke leses',
  'assessor-mismatch': 'saksbehandleren i filen er ikke den som signerte',
};

export function problem(code: VerificationProblemCode, en: string, nbDetail?: string): VerificationProblem {
  return { code, en, nb: nbDetail ? `${NB[code]} (${nbDetail})` : NB[code] };
}
