/**
 * Where a public booking came from, as the keys its limits count by. One person holds one
 * IPv4 address but a whole IPv6 /64 (any of 2^64 addresses is theirs for the asking), so an
 * address counts as its /64; a network is an IPv4 /24 or an IPv6 /48, what one provider's
 * customer or one hosting machine commonly has. Changing the last digits of the address
 * changes neither key.
 */

/** The eight 16-bit groups of an IPv6 address, or undefined when it is not one. */
const ipv6Groups = (address: string): number[] | undefined => {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const bytes = dotted.slice(1).map(Number);
    if (bytes.some((byte) => byte > 255)) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = bytes;
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string | undefined): string[] => (part ? part.split(':') : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => Number.parseInt(group, 16));
};

const ipv4Bytes = (address: string): number[] | undefined => {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  const bytes = match?.slice(1).map(Number);
  return bytes && bytes.every((byte) => byte <= 255) ? bytes : undefined;
};

/** An IPv4 address written as IPv6 (`::ffff:a.b.c.d`, as dual-stack sockets report it). */
const mappedIpv4 = (groups: readonly number[]): number[] | undefined => {
  const isMapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  const [high = 0, low = 0] = groups.slice(6);
  return isMapped ? [high >> 8, high & 0xff, low >> 8, low & 0xff] : undefined;
};

type Parsed = { readonly v4: readonly number[] } | { readonly v6: readonly number[] } | undefined;

const parse = (address: string): Parsed => {
  const v4 = ipv4Bytes(address.trim());
  if (v4) return { v4 };
  const v6 = ipv6Groups(address.trim());
  if (!v6) return undefined;
  const mapped = mappedIpv4(v6);
  return mapped ? { v4: mapped } : { v6 };
};

const v6Prefix = (groups: readonly number[], count: number, bits: number): string =>
  `${groups
    .slice(0, count)
    .map((group) => group.toString(16))
    .join(':')}::/${bits}`;

/** The key one person's bookings count under: the IPv4 address, or the IPv6 /64. */
export const addressKey = (address: string): string => {
  const parsed = parse(address);
  if (!parsed) return address;
  return 'v4' in parsed ? parsed.v4.join('.') : v6Prefix(parsed.v6, 4, 64);
};

/** The key of the network around it: the IPv4 /24, or the IPv6 /48. */
export const networkKey = (address: string): string => {
  const parsed = parse(address);
  if (!parsed) return address;
  return 'v4' in parsed ? `${parsed.v4.slice(0, 3).join('.')}.0/24` : v6Prefix(parsed.v6, 3, 48);
};
