// The signed exchange file an assessor sends to the panel lead (docs/exchange-format.md).
import { z } from 'zod';
import { assessmentSchema, assessorSchema } from '../../../shared/assessment/schema';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);

export const EXCHANGE_FORMAT = 'vurder-exchange';
export const PAYLOAD_FORMAT = 'vurder-assessments';

export const auditHeadSchema = z.object({ seq: z.number().int().positive(), hash: sha256Hex }).strict();

export const exchangeAssessmentSchema = z
  .object({
    assessment: assessmentSchema,
    /** SHA-256 of the scheme definition the application was assessed against. */
    schemeSha256: sha256Hex,
    /** SHA-256 of every file of the application package, sorted by path. */
    packageFiles: z.array(z.object({ path: z.string().min(1), sha256: sha256Hex, bytes: z.number().int().nonnegative() }).strict()),
  })
  .strict();

export const exchangePayloadSchema = z
  .object({
    format: z.literal(PAYLOAD_FORMAT),
    formatVersion: z.literal(1),
    createdAt: instant,
    assessor: assessorSchema,
    scheme: z.object({ id: z.string().min(1), sha256: sha256Hex }).strict(),
    assessments: z.array(exchangeAssessmentSchema),
    /**
     * The assessor's audit log head when the file was exported (docs/exchange-format.md § Audit head): its last
     * entry's seq and hash. Absent in files from before this field; the merge keeps it per file.
     */
    auditHead: auditHeadSchema.optional(),
  })
  .strict();

export const exchangeEnvelopeSchema = z
  .object({
    format: z.literal(EXCHANGE_FORMAT),
    formatVersion: z.literal(1),
    payload: z.unknown(),
    signature: z
      .object({
        /** Detached CMS SignedData (DER, base64) over the UTF-8 canonical JSON of `payload`. */
        cms: z.string().min(1),
        /** The signer's certificate (DER, base64); must be the one the CMS names. */
        certificate: z.string().min(1),
        /** SHA-256 (hex) of the canonical payload bytes; a convenience, the CMS is what counts. */
        payloadSha256: sha256Hex,
      })
      .strict(),
  })
  .strict();

export type ExchangeAssessment = z.infer<typeof exchangeAssessmentSchema>;
export type ExchangeAuditHead = z.infer<typeof auditHeadSchema>;
export type ExchangePayload = z.infer<typeof exchangePayloadSchema>;
export type ExchangeEnvelope = z.infer<typeof exchangeEnvelopeSchema>;
