/**
 * Passwords of lead-partner accounts, hashed with scrypt (Node's `crypto.scrypt`, memory-hard)
 * under a random 16-byte salt per password into a 32-byte key, and compared in constant time.
 * The stored text carries its parameters, `scrypt$<N>$<r>$<p>$<salt>$<key>` (salt and key
 * base64url), so they can be raised later: a sign-in under older parameters stores a new hash.
 * A password is never logged, stored or returned in clear.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt's cost: N (CPU and memory, a power of two), r (block size), p (parallelisation). */
export interface ScryptParams {
  N: number
  r: number
  p: number
}

/**
 * N = 2^15, r = 8, p = 3: one of OWASP's equivalent scrypt settings (Password Storage Cheat
 * Sheet), using 32 MiB a hash (128·N·r bytes) instead of the 128 MiB of N = 2^17, r = 8, p = 1,
 * so a few sign-ins at once do not strain a small server. About 0.3 s a hash on one core.
 */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 3 }

const SALT_BYTES = 16
const KEY_BYTES = 32
/** Fewest characters of a password a person chooses (NIST SP 800-63B asks at least 8). */
export const PASSWORD_MIN = 10
/** Most characters of a password: a long passphrase fits, a megabyte of input does not. */
export const PASSWORD_MAX = 200

const HASH =
  /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{16,128})$/

/** Parameters a stored hash may name: bounded, so a tampered row cannot exhaust the server. */
function plausible({ N, r, p }: ScryptParams): boolean {
  return N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0 && r >= 1 && r <= 32 && p >= 1 && p <= 16
}

/** The same password typed on two keyboards gives the same bytes (NFKC, as NIST advises). */
function passwordBytes(password: string): Buffer {
  return Buffer.from(password.normalize('NFKC'), 'utf8')
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const { N, r, p } = params
  // scrypt needs about 128·N·r bytes (plus 128·r·p); Node refuses above `maxmem`.
  const maxmem = 128 * r * (N + p + 2) + 1024 * 1024
  return new Promise((resolve, reject) => {
    scrypt(passwordBytes(password), salt, KEY_BYTES, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/** Hashes a password under a fresh random salt; returns the text to store. */
export async function hashPassword(
  password: string,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, params)
  const { N, r, p } = params
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

/** The parameters, salt and key of a stored hash, or null when it is not one of ours. */
export function parseHash(
  stored: string,
): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const m = HASH.exec(stored)
  if (!m) return null
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) }
  if (!plausible(params)) return null
  return {
    params,
    salt: Buffer.from(m[4] ?? '', 'base64url'),
    key: Buffer.from(m[5] ?? '', 'base64url'),
  }
}

/**
 * Whether `password` matches a stored hash. The key is derived under the stored parameters and
 * compared with `timingSafeEqual`; a malformed hash matches nothing (after the same work).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) {
    await derive(password, randomBytes(SALT_BYTES), SCRYPT_PARAMS)
    return false
  }
  const key = await derive(password, parsed.salt, parsed.params)
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
}

/** Whether a stored hash was made under other parameters than `params` (then rehash it). */
export function needsRehash(stored: string, params: ScryptParams = SCRYPT_PARAMS): boolean {
  const parsed = parseHash(stored)
  if (!parsed) return true
  const { N, r, p } = parsed.params
  return N !== params.N || r !== params.r || p !== params.p
}

const dummies = new Map<string, Promise<string>>()

/**
 * A hash of no one's password under `params`: a sign-in with an unknown email is checked
 * against it, so it costs the same scrypt work as a wrong password and answers in the same time.
 */
export function dummyHash(params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const key = `${params.N}/${params.r}/${params.p}`
  let hash = dummies.get(key)
  if (!hash) {
    hash = hashPassword(randomBytes(24).toString('base64url'), params)
    dummies.set(key, hash)
  }
  return hash
}

/** Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i), 31 of them. */
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789'

/**
 * A one-time password Gapkit makes: four groups of five characters from 31 unambiguous letters
 * and digits (about 99 bits), e.g. `k7wq3-mzp9x-4hd2c-tnv8r`. Its holder must choose their own
 * password at the first sign-in.
 */
export function generatePassword(): string {
  const groups: string[] = []
  while (groups.length < 4) {
    let group = ''
    while (group.length < 5) {
      // Rejection sampling: a byte ≥ 248 (8 × 31) would favour the first letters.
      const byte = randomBytes(1)[0] ?? 255
      if (byte < 248) group += READABLE[byte % READABLE.length]
    }
    groups.push(group)
  }
  return groups.join('-')
}

/** A rule a chosen password breaks. */
export type PasswordRule = 'tooShort' | 'tooLong' | 'isEmail' | 'repeated'

/**
 * Why a password a person chose cannot be used, or null when it can: at least `PASSWORD_MIN`
 * and at most `PASSWORD_MAX` characters, not the email address, not one repeated character.
 */
export function passwordProblem(
  password: string,
  email: string,
): { rule: PasswordRule; message: string } | null {
  const length = [...password].length
  if (length < PASSWORD_MIN) {
    return { rule: 'tooShort', message: `a password needs at least ${PASSWORD_MIN} characters` }
  }
  if (length > PASSWORD_MAX) {
    return { rule: 'tooLong', message: `a password has at most ${PASSWORD_MAX} characters` }
  }
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return { rule: 'isEmail', message: 'a password cannot be the email address' }
  }
  if (new Set(password).size === 1) {
    return { rule: 'repeated', message: 'a password cannot be one character repeated' }
  }
  return null
}
