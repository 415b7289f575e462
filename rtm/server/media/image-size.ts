/** Pixel size and MIME type of JPEG, PNG and BMP images from their first bytes; null for anything else. */
export interface ImageInfo {
  mime: 'image/jpeg' | 'image/png' | 'image/bmp';
  width: number;
  height: number;
}

function png(b: Uint8Array, view: DataView): ImageInfo | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.byteLength < 24 || !signature.every((byte, i) => b[i] === byte)) return null;
  // The first chunk is IHDR: width and height, big-endian, right after its type.
  return { mime: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
}

function bmp(b: Uint8Array, view: DataView): ImageInfo | null {
  if (b.byteLength < 26 || b[0] !== 0x42 || b[1] !== 0x4d) return null;
  const headerSize = view.getUint32(14, true);
  if (headerSize === 12) return { mime: 'image/bmp', width: view.getUint16(18, true), height: view.getUint16(20, true) };
  if (headerSize < 40) return null;
  // A negative height means a top-down bitmap.
  return { mime: 'image/bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
}

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(b: Uint8Array, view: DataView): ImageInfo | null {
  if (b.byteLength < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 3 < b.byteLength) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any frame header
    const length = view.getUint16(i + 2);
    if (SOF_MARKERS.has(marker)) {
      if (i + 9 > b.byteLength) return null;
      return { mime: 'image/jpeg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return png(bytes, view) ?? jpeg(bytes, view) ?? bmp(bytes, view);
}
