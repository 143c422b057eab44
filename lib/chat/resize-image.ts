import type { StoredImage } from '@/lib/store/chat-types';

/** Providers scale larger images down anyway; sending and storing them costs for nothing. */
const maximumSide = 1568;
const acceptedTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

export class UnsupportedImageError extends Error {}

/**
 * Reads an image the user attached, pasted or dropped, scales it to at most 1568 px on its long
 * side in the browser, and returns it as a data URL (PNG kept as PNG for sharp text, others JPEG).
 */
export async function resizeImage(file: File): Promise<StoredImage> {
  if (!acceptedTypes.includes(file.type)) throw new UnsupportedImageError(file.type);
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maximumSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new UnsupportedImageError('canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const mimeType = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
  return {
    id: crypto.randomUUID(),
    dataUrl: canvas.toDataURL(mimeType, 0.85),
    mimeType,
    width,
    height,
  };
}
