/** A fresh idempotency key for one user action; a retry of that action reuses it. */
export const newRequestId = (): string => {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
};
