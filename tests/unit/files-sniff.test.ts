import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptAttribute, allowedLabels, checkSize, checkType } from "~/modules/files/policy";
import { sniff, zipEntryNames } from "~/modules/files/sniff";

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

/** A minimal but valid ZIP (stored or deflated entries) with a central directory. */
function zip(entries: { name: string; data?: string; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data = "x", store = false } of entries) {
    const raw = Buffer.from(data);
    const body = store ? raw : deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(store ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const ooxml = (main: string, extra: string[] = []) =>
  zip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "_rels/.rels" }, { name: main }, ...extra.map((name) => ({ name }))]);

describe("sniff: recognised by content", () => {
  it.each([
    ["png", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "rest"), "image/png"],
    ["jpeg", bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"), "image/jpeg"],
    ["webp", bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "), "image/webp"],
    ["gif", bytes("GIF89a", [1, 0, 1, 0]), "image/gif"],
    ["pdf", bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "application/pdf"],
    ["mp4", bytes([0, 0, 0, 0x18], "ftypisom", [0, 0, 2, 0], "isomiso2"), "video/mp4"],
    ["mov", bytes([0, 0, 0, 0x14], "ftypqt  ", [0, 0, 0, 0], "qt  "), "video/quicktime"],
    ["heic", bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1heic"), "image/heic"],
    ["avif", bytes([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0], "avifmif1miaf"), "image/avif"],
    ["webm", bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]), "video/webm"],
    ["legacy office", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "application/x-ole-storage"],
  ])("%s", (_name, input, type) => {
    expect(sniff(input)).toEqual({ ok: true, type });
  });

  it("tells Word, Excel and PowerPoint apart by the parts inside the ZIP", () => {
    expect(sniff(ooxml("word/document.xml"))).toEqual({
      ok: true,
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(sniff(ooxml("xl/workbook.xml"))).toEqual({
      ok: true,
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(sniff(ooxml("ppt/presentation.xml"))).toEqual({
      ok: true,
      type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    });
  });

  it("recognises OpenDocument by its uncompressed mimetype entry", () => {
    const odt = zip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.text", store: true },
      { name: "content.xml" },
      { name: "META-INF/manifest.xml" },
    ]);
    expect(sniff(odt)).toEqual({ ok: true, type: "application/vnd.oasis.opendocument.text" });
  });

  it("calls any other ZIP a plain zip (never allowed)", () => {
    expect(sniff(zip([{ name: "evil.exe" }]))).toEqual({ ok: true, type: "application/zip" });
    expect(sniff(bytes([0x50, 0x4b, 0x03, 0x04], "truncated"))).toEqual({ ok: true, type: "application/zip" });
    expect(zipEntryNames(zip([{ name: "a.txt" }, { name: "b/c.txt" }]))).toEqual(["a.txt", "b/c.txt"]);
  });
});

describe("sniff: refused whatever the upload", () => {
  it("an empty file", () => {
    expect(sniff(new Uint8Array())).toEqual({ ok: false, reason: "empty" });
  });

  it.each([
    ["plain", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ["with XML prolog", '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg/>'],
    ["after whitespace and a comment", '  \n<!-- logo -->\n<svg width="10">'],
    ["with a UTF-8 byte order mark", "\ufeff<svg>"],
  ])("SVG %s", (_name, text) => {
    expect(sniff(Buffer.from(text, "utf8"))).toEqual({ ok: false, reason: "svg" });
  });

  it("SVG in UTF-16, with and without a byte order mark", () => {
    expect(sniff(Buffer.from("\ufeff<svg onload=alert(1)>", "utf16le"))).toEqual({ ok: false, reason: "svg" });
    expect(sniff(Buffer.from("<svg onload=alert(1)>", "utf16le"))).toEqual({ ok: false, reason: "svg" });
    const be = Buffer.from("\ufeff<svg>", "utf16le").swap16();
    expect(sniff(be)).toEqual({ ok: false, reason: "svg" });
  });

  it.each([
    "<!DOCTYPE html><html><body>hi</body></html>",
    "<html>",
    "<script>alert(document.cookie)</script>",
    "  <iframe src=//evil.example>",
    "<!-- a comment first -->",
  ])("HTML: %s", (text) => {
    expect(sniff(Buffer.from(text))).toEqual({ ok: false, reason: "html" });
  });

  it("XML", () => {
    expect(sniff(Buffer.from('<?xml version="1.0"?><note/>'))).toEqual({ ok: false, reason: "xml" });
  });

  it.each([
    ["Windows PE", bytes("MZ", [0x90, 0, 3, 0], "This program cannot be run in DOS mode")],
    ["ELF", bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
    ["Mach-O 64", bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])],
    ["Mach-O universal", bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])],
    ["WebAssembly", bytes([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])],
    ["Windows shortcut", bytes([0x4c, 0, 0, 0, 1, 0x14, 2, 0, 0, 0])],
  ])("executable: %s", (_name, input) => {
    expect(sniff(input)).toEqual({ ok: false, reason: "executable" });
  });

  it("scripts with a shebang", () => {
    expect(sniff(Buffer.from("#!/bin/sh\nrm -rf /\n"))).toEqual({ ok: false, reason: "script" });
    expect(sniff(Buffer.from("\ufeff#!/usr/bin/env python3\n"))).toEqual({ ok: false, reason: "script" });
  });

  it("Office documents with macros or ActiveX", () => {
    expect(sniff(ooxml("word/document.xml", ["word/vbaProject.bin"]))).toEqual({ ok: false, reason: "macro" });
    expect(sniff(ooxml("xl/workbook.xml", ["xl/activeX/activeX1.xml"]))).toEqual({ ok: false, reason: "macro" });
  });

  it("anything else it does not know", () => {
    expect(sniff(Buffer.from("Just some text, a .txt or .csv file\n"))).toEqual({ ok: false, reason: "unknown" });
    expect(sniff(bytes([0x42, 0x4d, 0, 0]))).toEqual({ ok: false, reason: "unknown" }); // BMP
  });

  it("never trusts a PDF marker that is not at the very start (polyglots)", () => {
    expect(sniff(Buffer.from("<html><!-- %PDF-1.4 -->"))).toEqual({ ok: false, reason: "html" });
    expect(sniff(Buffer.from("junk\n%PDF-1.4\n"))).toEqual({ ok: false, reason: "unknown" });
  });
});

describe("policy", () => {
  it("has a size limit per kind", () => {
    const MB = 1024 * 1024;
    expect(checkSize("LOGO", 2 * MB)).toEqual({ ok: true });
    expect(checkSize("LOGO", 2 * MB + 1)).toEqual({ ok: false, reason: "too-large" });
    expect(checkSize("PHOTO", 10 * MB + 1)).toEqual({ ok: false, reason: "too-large" });
    expect(checkSize("DOCUMENT", 20 * MB)).toEqual({ ok: true });
    expect(checkSize("SUBMISSION", 20 * MB + 1)).toEqual({ ok: false, reason: "too-large" });
    expect(checkSize("PHOTO", 0)).toEqual({ ok: false, reason: "empty" });
  });

  it("allows per kind, and names video and HEIC refusals", () => {
    expect(checkType("LOGO", { ok: true, type: "image/png" })).toEqual({ ok: true, type: "image/png" });
    expect(checkType("LOGO", { ok: true, type: "application/pdf" })).toEqual({ ok: false, reason: "not-allowed" });
    expect(checkType("DOCUMENT", { ok: true, type: "application/pdf" })).toEqual({ ok: true, type: "application/pdf" });
    expect(checkType("SUBMISSION", { ok: true, type: "video/mp4" })).toEqual({ ok: false, reason: "video" });
    expect(checkType("PHOTO", { ok: true, type: "image/heic" })).toEqual({ ok: false, reason: "heic" });
    expect(checkType("PHOTO", { ok: true, type: "image/gif" })).toEqual({ ok: false, reason: "not-allowed" });
    expect(checkType("DOCUMENT", { ok: true, type: "application/zip" })).toEqual({ ok: false, reason: "not-allowed" });
    expect(checkType("DOCUMENT", { ok: false, reason: "svg" })).toEqual({ ok: false, reason: "svg" });
  });

  it("describes what is allowed", () => {
    expect(allowedLabels("LOGO")).toBe("PNG, JPEG, WebP");
    expect(allowedLabels("DOCUMENT")).toContain("PDF");
    expect(acceptAttribute("LOGO")).toBe("image/png,image/jpeg,image/webp,.png,.jpg,.webp,.jpeg");
    expect(acceptAttribute("LOGO")).not.toContain("svg");
  });
});
