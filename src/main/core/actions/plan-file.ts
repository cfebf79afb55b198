/**
 * The plan file: what the elevated step executes. It is written in the owner's workspace at
 * planning time, its SHA-256 kept by the app, and the elevated step refuses a file whose hash
 * differs or whose operations are not all allow-listed. The elevated step answers in a folder of
 * its own (plan-results.ts), never beside the plan.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { schedules } from '../../../shared/workspace';
import { operationStatuses } from '../../../shared/plans';
import { writeFileAtomic } from '../workspace/store';
import { readRegularFile } from './elevated-fs';
import { reasonCodes } from './operation-error';
import { operationSchema, previousStateSchema } from './operations';

export const PLAN_FORMAT = 'revision-plan';
export const PLAN_FORMAT_VERSION = 1;

/** A plan id: safe as a file name, never anything else. */
export const planIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/);

/** The plan file's schema (strict: an unknown field is refused). */
export const planFileSchema = z
  .object({
    format: z.literal(PLAN_FORMAT),
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    id: planIdSchema,
    /** "apply" changes the machine; "undo" puts back a change record's previous states. */
    purpose: z.enum(['apply', 'undo']),
    kind: z.enum(['auto-updates', 'program-updates']),
    platform: z.enum(['linux', 'win32', 'darwin']),
    schedule: z.enum(schedules),
    createdAt: z.string().max(40),
    /** For undo: the change record being undone. */
    changeId: z.string().max(100).optional(),
    operations: z.array(operationSchema).min(1).max(40),
  })
  .strict();
export type PlanFile = z.infer<typeof planFileSchema>;
export type PlanFileInput = z.input<typeof planFileSchema>;

/** The elevated step's answer. */
export const planResultSchema = z.object({
  planId: planIdSchema,
  sha256: z.string(),
  outcome: z.enum(['applied', 'nothing-to-do', 'rolled-back', 'failed', 'refused']),
  /** Why a plan was refused (tampered, invalid, wrong platform). */
  refusal: z.enum(['tampered', 'invalid', 'unreadable', 'wrong-platform']).optional(),
  operations: z.array(
    z.object({
      index: z.number().int(),
      status: z.enum(operationStatuses),
      previous: previousStateSchema.optional(),
      reason: z.enum(reasonCodes).optional(),
      detail: z.string().optional(),
    }),
  ),
  finishedAt: z.string(),
});
export type PlanResult = z.infer<typeof planResultSchema>;

/** The folder of plan files in a workspace. */
export function plansDir(workspaceDir: string): string {
  return join(workspaceDir, 'plans');
}

/** SHA-256 of bytes, lower-case hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes a plan file (validated first) and returns its path and hash. */
export async function savePlanFile(
  workspaceDir: string,
  plan: PlanFileInput,
): Promise<{ path: string; sha256: string; plan: PlanFile }> {
  const parsed = planFileSchema.parse(plan);
  const dir = plansDir(workspaceDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const text = JSON.stringify(parsed, null, 2) + '\n';
  const path = join(dir, `${parsed.id}.json`);
  await writeFileAtomic(path, text);
  return { path, sha256: sha256Hex(text), plan: parsed };
}

/** Why a plan file was refused. */
export class PlanRefusedError extends Error {
  override readonly name = 'PlanRefusedError';
  constructor(
    readonly refusal: NonNullable<PlanResult['refusal']>,
    message: string,
  ) {
    super(message);
  }
}

/** Limits of the plan read by the elevated step. */
export const PLAN_MAX_BYTES = 1_000_000;
export const PLAN_READ_TIMEOUT_MS = 5_000;

/**
 * Reads a plan file ONCE, checks its hash against the expected one, then validates it.
 * The bytes hashed are the bytes parsed: nothing can change in between. The file must be a
 * regular file (no link, FIFO or device), owned by one of `owners`, read within a time limit.
 */
export async function loadVerifiedPlan(
  path: string,
  expectedSha256: string,
  owners?: ReadonlySet<number>,
): Promise<PlanFile> {
  if (!/^[0-9a-f]{64}$/.test(expectedSha256))
    throw new PlanRefusedError('invalid', 'empreinte SHA-256 invalide');
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, {
      maxBytes: PLAN_MAX_BYTES,
      timeoutMs: PLAN_READ_TIMEOUT_MS,
      ...(owners ? { owners } : {}),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PlanRefusedError(
      'unreadable',
      `plan illisible : ${code === 'ELOOP' ? 'lien symbolique refusé' : (code ?? (error as Error).message)}`,
    );
  }
  const actual = sha256Hex(bytes);
  if (actual !== expectedSha256)
    throw new PlanRefusedError(
      'tampered',
      `plan modifié après sa préparation (empreinte ${actual} au lieu de ${expectedSha256}) : refusé`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new PlanRefusedError('invalid', 'plan illisible (JSON invalide)');
  }
  const parsed = planFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PlanRefusedError(
      'invalid',
      `plan refusé : opération non autorisée (${issue?.path.join('.') ?? '?'} : ${issue?.message ?? ''})`,
    );
  }
  return parsed.data;
}
