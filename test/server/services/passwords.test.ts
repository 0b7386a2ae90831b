import { scryptSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  dummyHash,
  generatePassword,
  hashPassword,
  needsRehash,
  parseHash,
  passwordProblem,
  SCRYPT_PARAMS,
  verifyPassword,
} from '../../../server/services/passwords.ts'
import { TEST_SCRYPT } from '../../helpers/accounts.ts'

describe('password hashing', () => {
  it('is scrypt with the documented cost, a 16-byte salt and a 32-byte key', async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 32768, r: 8, p: 3 })
    const stored = await hashPassword('correct horse battery')
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    const parsed = parseHash(stored)
    expect(parsed?.salt).toHaveLength(16)
    expect(parsed?.key).toHaveLength(32)
    // The key is scrypt's own output for this salt and these parameters, nothing else.
    const expected = scryptSync('correct horse battery', parsed?.salt ?? Buffer.alloc(0), 32, {
      N: 32768,
      r: 8,
      p: 3,
      maxmem: 64 * 1024 * 1024,
    })
    expect(parsed?.key.equals(expected)).toBe(true)
    expect(stored).not.toContain('correct horse battery')
  })

  it('salts every hash: the same password twice gives two different hashes, both valid', async () => {
    const a = await hashPassword('same password 1', TEST_SCRYPT)
    const b = await hashPassword('same password 1', TEST_SCRYPT)
    expect(a).not.toBe(b)
    expect(parseHash(a)?.salt.equals(parseHash(b)?.salt ?? Buffer.alloc(0))).toBe(false)
    expect(await verifyPassword('same password 1', a)).toBe(true)
    expect(await verifyPassword('same password 1', b)).toBe(true)
  })

  it('verifies the right password only, under the parameters the hash names', async () => {
    const stored = await hashPassword('Tr0ub4dor&3 and more', TEST_SCRYPT)
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true)
    expect(await verifyPassword('Tr0ub4dor&3 and more', stored)).toBe(true)
    expect(await verifyPassword('Tr0ub4dor&3 and mor', stored)).toBe(false)
    expect(await verifyPassword('tr0ub4dor&3 and more', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('reads a password the same however its accents were typed (NFKC)', async () => {
    const composed = 'Ré\u00e9sumé mot de passe'
    const decomposed = composed.normalize('NFD')
    expect(decomposed).not.toBe(composed)
    const stored = await hashPassword(composed, TEST_SCRYPT)
    expect(await verifyPassword(decomposed, stored)).toBe(true)
  })

  it('refuses tampered and malformed hashes, and absurd parameters', async () => {
    const stored = await hashPassword('a good password', TEST_SCRYPT)
    const key = stored.split('$')[5] ?? ''
    const flipped = `${key.slice(0, -2)}${key.at(-2) === 'A' ? 'B' : 'A'}${key.at(-1)}`
    expect(await verifyPassword('a good password', stored.replace(key, flipped))).toBe(false)
    expect(await verifyPassword('a good password', 'plain text')).toBe(false)
    expect(parseHash(stored.replace('$1024$', '$1000$'))).toBeNull()
    expect(parseHash(stored.replace('$1024$', '$2097152$'))).toBeNull()
  })

  it('says when a hash was made under other parameters', async () => {
    const cheap = await hashPassword('a good password', TEST_SCRYPT)
    expect(needsRehash(cheap)).toBe(true)
    expect(needsRehash(cheap, TEST_SCRYPT)).toBe(false)
    expect(needsRehash('garbage')).toBe(true)
  })

  it('keeps one dummy hash per cost, matching no password', async () => {
    const a = await dummyHash(TEST_SCRYPT)
    expect(await dummyHash(TEST_SCRYPT)).toBe(a)
    expect(a.startsWith('scrypt$1024$8$1$')).toBe(true)
    expect(await verifyPassword('', a)).toBe(false)
  })
})

describe('one-time passwords', () => {
  it('are four groups of five unambiguous characters, all different', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const p = generatePassword()
      expect(p).toMatch(/^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}$/)
      seen.add(p)
    }
    expect(seen.size).toBe(2000)
    // Every one of the 31 characters turns up (rejection sampling keeps them uniform).
    const used = new Set([...seen].join('').replaceAll('-', ''))
    expect(used.size).toBe(31)
    expect(passwordProblem(generatePassword(), 'ana@example.org')).toBeNull()
  })
})

describe('password rules', () => {
  it('asks for 10 to 200 characters, not the email, not one character repeated', () => {
    expect(passwordProblem('short', 'a@b.org')?.rule).toBe('tooShort')
    expect(passwordProblem('x'.repeat(201), 'a@b.org')?.rule).toBe('tooLong')
    expect(passwordProblem('Ana.Pop@Example.org', 'ana.pop@example.org')?.rule).toBe('isEmail')
    expect(passwordProblem('aaaaaaaaaaaa', 'a@b.org')?.rule).toBe('repeated')
    // Characters, not bytes or UTF-16 units: ten emoji are ten characters.
    expect(passwordProblem('🔑'.repeat(5) + '🗝'.repeat(5), 'a@b.org')).toBeNull()
    expect(passwordProblem('a long enough passphrase', 'a@b.org')).toBeNull()
  })
})
