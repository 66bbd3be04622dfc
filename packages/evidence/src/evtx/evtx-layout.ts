/**
 * Fixed sizes and signatures of the EVTX container, as documented in libyal's
 * "Windows XML Event Log (EVTX) format" (sections 2 to 4).
 */
export const evtxLayout = {
  /** The file header occupies one 4 KiB block, of which the first 128 bytes are used. */
  fileHeaderBlockSize: 4096,
  fileHeaderUsedSize: 128,
  /** Every chunk is 64 KiB and starts with a 512-byte header. */
  chunkSize: 65536,
  chunkHeaderSize: 512,
  /** An event record's fixed header: signature, size, identifier, written time. */
  recordHeaderSize: 24,
  fileSignature: "ElfFile\0",
  chunkSignature: "ElfChnk\0",
  /** "**\0\0" read as a little-endian 32-bit integer. */
  recordSignature: 0x00002a2a,
} as const;
