import argon2 from 'argon2';
import { AppError } from '../../platform/errors.ts';

/**
 * argon2id with OWASP's recommended minimum (Password Storage Cheat Sheet): 19 MiB of memory,
 * 2 iterations, 1 degree of parallelism. The hash runs on libuv's thread pool, off the event loop.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, OPTIONS);
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check when the user does not exist (no timing oracle). */
export async function verifyAgainstDummy(plain: string): Promise<false> {
  dummyHash ??= hashPassword('oncoped-dummy-password-for-timing');
  await verifyPassword(await dummyHash, plain);
  return false;
}

/** Spanish reasons a new password is refused; empty when it is acceptable. */
export function passwordProblems(plain: string, username?: string): string[] {
  const problems: string[] = [];
  if (plain.length < 10) problems.push('debe tener al menos 10 caracteres');
  if (plain.length > 256) problems.push('no debe exceder 256 caracteres');
  if (username && plain.toLowerCase().includes(username.toLowerCase()))
    problems.push('no debe contener el nombre de usuario');
  if (/^(.)\1+$/.test(plain)) problems.push('no debe repetir un solo carácter');
  return problems;
}

/** Throws a 400 WEAK_PASSWORD naming `field` when the password is not acceptable. */
export function assertAcceptablePassword(plain: string, field: string, opts: { username?: string; previous?: string } = {}): void {
  const problems = passwordProblems(plain, opts.username);
  if (opts.previous !== undefined && plain === opts.previous) problems.push('debe ser distinta de la actual');
  if (problems.length === 0) return;
  throw new AppError(400, 'WEAK_PASSWORD', `La contraseña ${problems.join(', ')}.`, {
    errors: problems.map((message) => ({ field, message })),
  });
}
