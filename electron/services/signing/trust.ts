// Is a signer in the round's trust list? Either its own certificate is listed, or it chains (signatures
// checked, validity at signing time) to a listed certificate, e.g. the panel's local CA.
import * as pkijs from 'pkijs';
import { fingerprintSha256, parseCertificate } from './certificate';
import { cryptoEngine } from './engine';

export async function isTrusted(signerDer: Uint8Array, carried: readonly Uint8Array[], trusted: readonly Uint8Array[], at: Date | undefined): Promise<boolean> {
  if (trusted.length === 0) return false;
  const signerFingerprint = fingerprintSha256(signerDer);
  if (trusted.some((der) => fingerprintSha256(der) === signerFingerprint)) return true;
  try {
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: trusted.map(parseCertificate),
      certs: [parseCertificate(signerDer), ...carried.filter((der) => fingerprintSha256(der) !== signerFingerprint).map(parseCertificate)],
      checkDate: at ?? new Date(),
    });
    const result = await engine.verify({}, cryptoEngine());
    return result.result;
  } catch {
    // A certificate that cannot be parsed or a chain that cannot be built is not a trusted chain; the caller
    // reports the signer as not trusted (and a malformed signer certificate separately, with its reason).
    return false;
  }
}
