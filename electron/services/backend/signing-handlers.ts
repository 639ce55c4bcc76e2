// Handlers of the signing channels ('identity:*', 'export:run', 'verify:file', 'trust:list'). handlers.ts spreads these in.
// The identity lives in the app's data folder, protected by the shell's SecretProtector (safeStorage); it is
// opened once per export batch.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { Channel, ResponseOf } from '../../../shared/ipc/contract';
import type { channels } from '../../../shared/ipc/contract';
import type { IdentitySummary } from '../../../shared/signing/schemas';
import type { AppError } from '../../../shared/result';
import { auditKeyFromIdentity, forgetAuditKey } from '../audit/audit-key';
import { ExportError, exportSignedAssessments } from '../export/export';
import { certificateToPem, describeCertificate } from '../signing/certificate';
import { createIdentity, openIdentity } from '../signing/identity';
import type { Identity } from '../signing/identity';
import { hasProtectedIdentity, IdentityStoreError, openProtectedIdentity, removeProtectedIdentity, saveProtectedIdentity } from '../signing/identity-store';
import type { SecretProtector } from '../signing/identity-store';
import { readTrustList, verifyFile } from '../signing/verify';
import { listTrustedCertificates, trustAnchorsForWorkspace } from '../trust/trust-list';
import { openWorkspace } from '../workspace/workspace';
import type { Backend } from './backend';
import type { AuditKeyProvider } from './ports';

/** What the shell (or a test) provides for signing: where the identity is kept and how it is protected. */
export interface SigningDeps {
  identityDir: string;
  protector: SecretProtector;
}

export type SigningChannel = 'identity:get' | 'identity:create' | 'identity:import' | 'identity:export-certificate' | 'identity:remove' | 'export:run' | 'verify:file' | 'trust:list';

type Implementation<C extends Channel> = (request: z.output<(typeof channels)[C]['request']>) => Promise<ResponseOf<C>>;
export type SigningImplementations = { [C in SigningChannel]: Implementation<C> };

function summary(identity: Identity): IdentitySummary {
  const described = describeCertificate(identity.certificate);
  return {
    subjectName: described.subjectName,
    email: described.email ?? null,
    issuerName: described.issuerName,
    selfSigned: described.selfSigned,
    fingerprint: described.fingerprint,
    notBefore: described.notBefore,
    notAfter: described.notAfter,
    keyType: identity.keyType,
  };
}

export function requireSigning(backend: Backend): SigningDeps {
  if (!backend.signing) throw signingError('signing.not-configured', 'signering er ikke satt opp i denne appen', 'signing is not configured in this app instance');
  return backend.signing;
}

/** The store's own refusals (no OS protection, cannot unlock) reach the person in their language, naming the folder. */
function storeFailure(deps: SigningDeps): (error: unknown) => never {
  return (error) => {
    if (error instanceof IdentityStoreError) throw signingError('signing.identity-store', error.nb, error.en, deps.identityDir);
    throw error;
  };
}

function openStored(deps: SigningDeps): Promise<Identity | null> {
  return openProtectedIdentity(deps.identityDir, deps.protector).catch(storeFailure(deps));
}

function store(deps: SigningDeps, identity: Identity): Promise<void> {
  return saveProtectedIdentity(deps.identityDir, identity, deps.protector).catch(storeFailure(deps));
}

export async function requireIdentity(deps: SigningDeps): Promise<Identity> {
  const identity = await openStored(deps);
  if (!identity) {
    throw signingError(
      'signing.no-identity',
      'ingen signeringsidentitet ennå: opprett eller importer en under innstillinger',
      'no signing identity yet: create or import one in the settings',
    );
  }
  return identity;
}

/**
 * Replacing or removing the signing identity cannot be undone (the key is gone), so main asks the person itself
 * with a native dialog — a compromised renderer cannot click it away. No → refused, nothing changed.
 */
async function confirmDestructive(backend: Backend, deps: SigningDeps, action: 'replace' | 'remove'): Promise<void> {
  if (action === 'replace' && !(await hasProtectedIdentity(deps.identityDir))) return;
  if (await backend.dialogs.confirm(action === 'replace' ? 'identity-replace' : 'identity-remove')) return;
  throw signingError(
    'signing.not-confirmed',
    action === 'replace' ? 'signeringsidentiteten ble ikke erstattet (ikke bekreftet)' : 'signeringsidentiteten ble ikke fjernet (ikke bekreftet)',
    action === 'replace' ? 'the signing identity was not replaced (not confirmed)' : 'the signing identity was not removed (not confirmed)',
  );
}

/**
 * The open workspace's audit log is authenticated with a key derived from the stored identity
 * (docs/security.md § Audit log authentication). Without signing set up or without an identity yet, the log is
 * written without MACs; an identity store that cannot be unlocked (no OS key store) is reported when signing,
 * and must not stop the person from opening their workspace, so it also means no key here.
 */
export function auditKeyProvider(backend: Backend): AuditKeyProvider {
  return async (meta) => {
    if (!backend.signing) return undefined;
    const identity = await openProtectedIdentity(backend.signing.identityDir, backend.signing.protector).catch((error: unknown) => {
      if (error instanceof IdentityStoreError) return null;
      throw error;
    });
    return identity ? auditKeyFromIdentity(identity, meta.id) : undefined;
  };
}

/** After the identity changed: the open workspace's log continues with the new key (or none). */
async function rekeyOpenWorkspace(backend: Backend, identity: Identity | null): Promise<void> {
  const handle = backend.current();
  if (!handle) return;
  forgetAuditKey(handle.dir);
  // Reopening registers the key under the workspace's id (and adopts nothing the new key cannot vouch for).
  if (identity) await openWorkspace(handle.dir, { auditKey: async (meta) => auditKeyFromIdentity(identity, meta.id) });
}

/** A signing failure as the AppError that crosses the bridge: one line per language, naming the file. */
function signingError(code: string, nb: string, en: string, subject?: string): AppError {
  const localized = { nb: subject ? `${subject}: ${nb}` : nb, en: subject ? `${subject}: ${en}` : en };
  return { code, message: localized.nb, localized, ...(subject ? { subject } : {}) };
}

export function signingImplementations(backend: Backend): SigningImplementations {
  return {
    'identity:get': async () => {
      const identity = await openStored(requireSigning(backend));
      return identity ? summary(identity) : null;
    },
    'identity:create': async ({ name, email, keyType }) => {
      const deps = requireSigning(backend);
      await confirmDestructive(backend, deps, 'replace');
      const identity = await createIdentity({ name, keyType, ...(email ? { email } : {}) });
      await store(deps, identity);
      await rekeyOpenWorkspace(backend, identity);
      return summary(identity);
    },
    'identity:import': async ({ path, passphrase }) => {
      backend.paths.require('identity:import', path, 'granted-only');
      const deps = requireSigning(backend);
      const identity = await openIdentity(path, passphrase).catch((error: unknown) => {
        throw signingError('signing.identity-unreadable', 'kan ikke åpne identiteten (feil passordfrase eller fil)', error instanceof Error ? error.message : String(error), path);
      });
      await confirmDestructive(backend, deps, 'replace');
      await store(deps, identity);
      await rekeyOpenWorkspace(backend, identity);
      return summary(identity);
    },
    'identity:export-certificate': async ({ path }) => {
      backend.paths.require('identity:export-certificate', path, 'granted-only');
      const identity = await requireIdentity(requireSigning(backend));
      await writeFile(path, certificateToPem(identity.certificateDer));
      return { path, fingerprint: identity.fingerprint };
    },
    'identity:remove': async () => {
      const deps = requireSigning(backend);
      if (!(await hasProtectedIdentity(deps.identityDir))) return null;
      await confirmDestructive(backend, deps, 'remove');
      await removeProtectedIdentity(deps.identityDir);
      await rekeyOpenWorkspace(backend, null);
      return null;
    },
    'export:run': async ({ outDir, applicationIds }) => {
      backend.paths.require('export:run', outDir, 'granted-only');
      const handle = backend.requireWorkspace();
      const assessor = await backend.requireAssessor();
      const identity = await requireIdentity(requireSigning(backend));
      const ws = await openWorkspace(handle.dir);
      const exportId = randomUUID();
      try {
        const result = await exportSignedAssessments({
          ws,
          identity,
          outDir,
          assessorId: assessor.id,
          ...(applicationIds ? { applicationIds } : {}),
          onProgress: (progress) => backend.events.emit('export:progress', { exportId, ...progress }),
        });
        return { exportId, pdfs: result.pdfs, exchangeFile: result.exchangeFile, skipped: result.skipped };
      } catch (error) {
        if (error instanceof ExportError) throw signingError('signing.export-refused', error.nb, error.en, handle.dir);
        throw error;
      }
    },
    'verify:file': async ({ path, trust }) => {
      // The file to check may be dropped (read-only, reported); a trust anchor must be chosen in a dialog.
      backend.paths.require('verify:file', path, 'dropped-allowed');
      for (const certificate of trust ?? []) backend.paths.require('verify:file', certificate, 'granted-only');
      const chosen = trust && trust.length > 0 ? await readTrustList(trust) : [];
      // With a workspace open its stored trust list applies automatically (issue 9 point 1).
      const open = backend.current();
      const stored = open ? await trustAnchorsForWorkspace(open.dir) : [];
      const trusted = [...chosen, ...stored];
      return verifyFile(path, trusted.length > 0 ? { trusted } : {});
    },
    'trust:list': async () => {
      const open = backend.current();
      if (!open) return { workspaceOpen: false, entries: [] };
      const entries = await listTrustedCertificates(open.dir);
      return {
        workspaceOpen: true,
        entries: entries.map(({ fingerprint, name, subjectName, issuerName, selfSigned, notAfter }) => ({ fingerprint, name, subjectName, issuerName, selfSigned, notAfter })),
      };
    },
  };
}
