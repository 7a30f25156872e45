/**
 * The part of CBOR (RFC 8949) that Pagefind's index files use: unsigned and negative integers, byte
 * and text strings, arrays (definite or indefinite length), maps, booleans and null. Decoding then
 * encoding a file gives back the same bytes for what Pagefind 1.6 writes, which callers check before
 * changing anything.
 */

export type CborValue = number | string | Uint8Array | CborValue[] | Map<CborValue, CborValue> | boolean | null;

export class CborError extends Error {}

export function decodeCbor(bytes: Uint8Array, offset = 0): { value: CborValue; end: number } {
  let at = offset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return bytes[at++];
    if (info === 25) return ((at += 2), view.getUint16(at - 2));
    if (info === 26) return ((at += 4), view.getUint32(at - 4));
    if (info === 27) {
      const big = view.getBigUint64(at);
      at += 8;
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new CborError('an integer too large for JavaScript');
      return Number(big);
    }
    if (info === 31) return -1;
    throw new CborError(`unsupported additional information ${info}`);
  };
  const item = (): CborValue => {
    if (at >= bytes.length) throw new CborError('unexpected end of data');
    const initial = bytes[at++];
    const major = initial >> 5;
    const size = length(initial & 31);
    switch (major) {
      case 0:
        return size;
      case 1:
        return -1 - size;
      case 2:
      case 3: {
        if (size < 0) throw new CborError('indefinite-length strings are not supported');
        const slice = bytes.subarray(at, at + size);
        at += size;
        return major === 2 ? slice : text.decode(slice);
      }
      case 4: {
        const list: CborValue[] = [];
        if (size < 0) {
          while (bytes[at] !== 0xff) list.push(item());
          at++;
        } else for (let i = 0; i < size; i++) list.push(item());
        return list;
      }
      case 5: {
        const map = new Map<CborValue, CborValue>();
        for (let i = 0; i < size; i++) map.set(item(), item());
        return map;
      }
      case 7:
        if ((initial & 31) === 20) return false;
        if ((initial & 31) === 21) return true;
        if ((initial & 31) === 22) return null;
        throw new CborError(`unsupported simple value ${initial & 31}`);
      default:
        throw new CborError(`unsupported major type ${major}`);
    }
  };
  const value = item();
  return { value, end: at };
}

export function encodeCbor(value: CborValue): Uint8Array {
  const chunks: number[] = [];
  const head = (major: number, size: number) => {
    const prefix = major << 5;
    if (size < 24) chunks.push(prefix | size);
    else if (size < 0x100) chunks.push(prefix | 24, size);
    else if (size < 0x10000) chunks.push(prefix | 25, size >> 8, size & 0xff);
    else if (size < 0x100000000) chunks.push(prefix | 26, (size >>> 24) & 0xff, (size >>> 16) & 0xff, (size >>> 8) & 0xff, size & 0xff);
    else {
      const big = BigInt(size);
      chunks.push(prefix | 27);
      for (let shift = 56n; shift >= 0n; shift -= 8n) chunks.push(Number((big >> shift) & 0xffn));
    }
  };
  const encoder = new TextEncoder();
  const item = (node: CborValue) => {
    if (node === null) chunks.push(0xf6);
    else if (node === true) chunks.push(0xf5);
    else if (node === false) chunks.push(0xf4);
    else if (typeof node === 'number') {
      if (!Number.isSafeInteger(node)) throw new CborError(`cannot encode ${node}`);
      if (node >= 0) head(0, node);
      else head(1, -1 - node);
    } else if (typeof node === 'string') {
      const encoded = encoder.encode(node);
      head(3, encoded.length);
      for (const byte of encoded) chunks.push(byte);
    } else if (node instanceof Uint8Array) {
      head(2, node.length);
      for (const byte of node) chunks.push(byte);
    } else if (Array.isArray(node)) {
      head(4, node.length);
      node.forEach(item);
    } else {
      head(5, node.size);
      for (const [key, entry] of node) {
        item(key);
        item(entry);
      }
    }
  };
  item(value);
  return Uint8Array.from(chunks);
}
