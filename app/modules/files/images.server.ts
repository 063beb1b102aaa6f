// Every uploaded image is decoded and encoded again: that drops EXIF (GPS, camera, owner), XMP,
// IPTC and any bytes hidden after the image, and proves the file really is an image.
import sharp from "sharp";
import type { ImageContentType } from "./sniff";

export type ReencodeResult =
  | { ok: true; bytes: Buffer; contentType: ImageContentType; width: number; height: number }
  | { ok: false; reason: "image-invalid" | "image-too-many-pixels" };

const SHARP_FORMAT: Record<ImageContentType, string> = {
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/webp": "webp",
};

/** `input`: the image's bytes, or the path of the file holding them (a staged upload: read by libvips, not by us). */
export async function reencodeImage(
  input: Uint8Array | string,
  contentType: ImageContentType,
  { maxPixels }: { maxPixels: number },
): Promise<ReencodeResult> {
  // The header alone tells the size, so a decompression bomb is refused before any pixel is decoded.
  let width: number;
  let height: number;
  try {
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    if (meta.format !== SHARP_FORMAT[contentType] || !meta.width || !meta.height) return { ok: false, reason: "image-invalid" };
    width = meta.width;
    height = meta.height;
  } catch {
    return { ok: false, reason: "image-invalid" };
  }
  if (width * height > maxPixels) return { ok: false, reason: "image-too-many-pixels" };

  try {
    // rotate() without an angle applies the EXIF orientation, so the picture stays upright once
    // the orientation tag is gone. No withMetadata()/keepMetadata(): sharp writes no metadata then.
    const pipeline = sharp(input, { limitInputPixels: maxPixels, failOn: "error" }).rotate();
    if (contentType === "image/jpeg") pipeline.jpeg({ quality: 88, mozjpeg: true });
    else if (contentType === "image/png") pipeline.png({ compressionLevel: 9 });
    else pipeline.webp({ quality: 88 });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { ok: true, bytes: data, contentType, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) return { ok: false, reason: "image-too-many-pixels" };
    return { ok: false, reason: "image-invalid" };
  }
}
