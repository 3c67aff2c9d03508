/** IPv4 CIDR arithmetic for the address planner. Pure; addresses are unsigned 32-bit numbers. */

export interface Cidr {
  readonly address: number;
  readonly prefixLength: number;
}

const CIDR_SYNTAX = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; explains what is wrong instead of returning undefined. */
export function parseCidr(text: string): Cidr | { error: string } {
  const match = CIDR_SYNTAX.exec(text.trim());
  if (!match) return { error: 'is not an IPv4 CIDR range such as 10.60.0.0/22' };
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((octet) => octet > 255)) return { error: 'has an octet above 255' };
  if (prefixLength > 32) return { error: `has prefix length /${prefixLength}; IPv4 allows /0 to /32` };
  const address = octets.reduce((value, octet) => value * 256 + octet, 0);
  if (address % blockSize(prefixLength) !== 0) {
    return { error: `is not aligned to a /${prefixLength} boundary (did you mean ${formatCidr(alignDown(address, prefixLength), prefixLength)}?)` };
  }
  return { address, prefixLength };
}

export function formatCidr(address: number, prefixLength: number): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256);
  return `${octets.join('.')}/${prefixLength}`;
}

export function blockSize(prefixLength: number): number {
  return 2 ** (32 - prefixLength);
}

function alignDown(address: number, prefixLength: number): number {
  return address - (address % blockSize(prefixLength));
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.address < b.address + blockSize(b.prefixLength) && b.address < a.address + blockSize(a.prefixLength);
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.address >= outer.address && inner.address + blockSize(inner.prefixLength) <= outer.address + blockSize(outer.prefixLength);
}

/** RFC 1918 blocks: a landing zone's address spaces must come from these. */
export const PRIVATE_RANGES: readonly Cidr[] = [
  { address: 10 * 2 ** 24, prefixLength: 8 },
  { address: (172 * 256 + 16) * 2 ** 16, prefixLength: 12 },
  { address: (192 * 256 + 168) * 2 ** 16, prefixLength: 16 },
];

export function isPrivate(range: Cidr): boolean {
  return PRIVATE_RANGES.some((block) => contains(block, range));
}

/** The block of the same size that follows `range` (used to give each environment its own VNet). */
export function nextBlock(range: Cidr, steps: number): Cidr {
  return { address: range.address + steps * blockSize(range.prefixLength), prefixLength: range.prefixLength };
}

/** The address `offset` places into `range`: Azure gives a firewall the address at offset 4 of its subnet. */
export function addressAt(range: Cidr, offset: number): string {
  if (offset >= blockSize(range.prefixLength)) throw new Error(`offset ${offset} is outside /${range.prefixLength}`);
  return formatCidr(range.address + offset, 32).replace(/\/32$/, '');
}
