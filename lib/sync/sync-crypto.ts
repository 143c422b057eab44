/**
 * The sync secret and what the browser derives from it (WebCrypto, HKDF-SHA-256): the space id
 * the server files records under, a key that encrypts each record (AES-256-GCM, bound to its
 * space and record id), and a key that names records (HMAC), so the server sees neither what a
 * record is nor what it says. The secret itself never leaves the browser.
 */
export interface SyncKeys {
  spaceId: string;
  encryption: CryptoKey;
  naming: CryptoKey;
}

const secretBytes = 32;
const secretPattern = /^[A-Za-z0-9_-]{43}$/;
const salt = new TextEncoder().encode('parley sync v1');
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function newSyncSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(secretBytes)));
}

/** Accepts the secret as shown, with stray spaces, or a whole link carrying it. */
export function readSyncSecret(text: string): string | undefined {
  const candidate = text.trim().match(/(?:#sync=)?([A-Za-z0-9_-]{43})\s*$/)?.[1];
  return candidate && secretPattern.test(candidate) ? candidate : undefined;
}

export async function deriveSyncKeys(secret: string): Promise<SyncKeys> {
  const material = await crypto.subtle.importKey('raw', fromBase64Url(secret), 'HKDF', false, [
    'deriveBits',
    'deriveKey',
  ]);
  const parameters = (purpose: string): HkdfParams => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt,
    info: encoder.encode(purpose),
  });
  const space = await crypto.subtle.deriveBits(parameters('space id'), material, 256);
  const encryption = await crypto.subtle.deriveKey(
    parameters('record encryption'),
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const naming = await crypto.subtle.deriveKey(
    parameters('record names'),
    material,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  return { spaceId: toBase64Url(new Uint8Array(space)), encryption, naming };
}

/** The opaque id of a record (`conversation:<id>`, `settings`) in this space. */
export async function recordIdFor(keys: SyncKeys, name: string): Promise<string> {
  const digest = await crypto.subtle.sign('HMAC', keys.naming, encoder.encode(name));
  return toBase64Url(new Uint8Array(digest).slice(0, 24));
}

/** Encrypts a record: a fresh 96-bit IV, then the ciphertext, bound to the space and the id. */
export async function sealRecord(
  keys: SyncKeys,
  recordId: string,
  payload: unknown,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(`${keys.spaceId}/${recordId}`) },
    keys.encryption,
    encoder.encode(JSON.stringify(payload)),
  );
  const sealed = new Uint8Array(iv.byteLength + ciphertext.byteLength);
  sealed.set(iv);
  sealed.set(new Uint8Array(ciphertext), iv.byteLength);
  return toBase64Url(sealed);
}

/** Decrypts a record; `undefined` when it was not sealed with these keys for this id. */
export async function openRecord(keys: SyncKeys, recordId: string, data: string): Promise<unknown> {
  try {
    const sealed = fromBase64Url(data);
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: sealed.slice(0, 12),
        additionalData: encoder.encode(`${keys.spaceId}/${recordId}`),
      },
      keys.encryption,
      sealed.slice(12),
    );
    return JSON.parse(decoder.decode(plain)) as unknown;
  } catch {
    return undefined;
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
