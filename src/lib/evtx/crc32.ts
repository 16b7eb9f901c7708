/** CRC-32 (IEEE 802.3, reflected 0xEDB88320), as .evtx headers use. `seed` continues a running CRC. */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(b: Uint8Array, from: number, to: number, seed = 0): number {
  let c = (seed ^ 0xffffffff) >>> 0;
  const end = Math.min(to, b.length);
  for (let i = Math.max(0, from); i < end; i++) c = TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
