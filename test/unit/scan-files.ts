/** Real scans for the scan-import tests: PDFs made by pdf-lib, images made by ImageMagick, TIFFs built byte by byte. */
import { PDFDocument } from 'pdf-lib';

/** The same pages give the same bytes (no time stamps), as a scan copied twice does. */
export async function pdf(pages: number, o: { objectStreams?: boolean } = {}): Promise<Buffer> {
  const d = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) d.addPage([200, 300]);
  return Buffer.from(await d.save({ useObjectStreams: o.objectStreams ?? true }));
}

/** A PDF whose trailer names an /Encrypt dictionary (a password), its page tree in plain objects, as older encrypted PDFs have it. */
export async function encryptedReadablePdf(pages: number): Promise<Buffer> {
  const text = (await pdf(pages, { objectStreams: false })).toString('latin1');
  return Buffer.from(text.replace('trailer\n<<', 'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>'), 'latin1');
}

/** qpdf --encrypt user owner 256 of a 3-page pdf-lib PDF: AES-256, every object inside encrypted object streams. */
export const AES_PDF = Buffer.from(
  'JVBERi0xLjcKJb/3ov4KMSAwIG9iago8PCAvRXh0ZW5zaW9ucyA8PCAvQURCRSA8PCAvQmFzZVZlcnNpb24gLzEuNyAvRXh0ZW5zaW9uTGV2ZWwgOCA+PiA+PiAvUGFnZXMgMyAwIFIgL1R5cGUgL0NhdGFsb2cgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL09ialN0bSAvTGVuZ3RoIDI3MiAvRmlsdGVyIC9GbGF0ZURlY29kZSAvTiA1IC9GaXJzdCAyNyA+PgpzdHJlYW0KaC6AVYWagEEHTAIN2iInXTJw8cjd0u7sgBA3HfG0EXe68cPb6doXGBlia+gXBPczNugeHpJ0SpeqKRtjP7CpLWpUu6yffmneEIGFe7IprDTVoIJJPMGfPt+qDWs2BPg/YfuS4hsrN8lE2LhmlvIaFuwjTLftmqyvhOZZqw6IAEmpRdd+oHCBdW0Pt/+pW3mVnr0hcHFesQK7IWJPNSMx3NbkohOa5DanOZM7ARo80JmMZ71NQqGc7/kMzyNEJSObsAdLYSlFcJjOzN/joXM8ITcs17n2uZOUKeVmGHWOqQPBk3ZOUtGXkqFgCuM7P09MzQLaN3hCb3RqyhRiIUota7okDz7mQDoh8lXZyZwcgktlbmRzdHJlYW0KZW5kb2JqCjggMCBvYmoKPDwgL0NGIDw8IC9TdGRDRiA8PCAvQXV0aEV2ZW50IC9Eb2NPcGVuIC9DRk0gL0FFU1YzIC9MZW5ndGggMzIgPj4gPj4gL0ZpbHRlciAvU3RhbmRhcmQgL0xlbmd0aCAyNTYgL08gPDI3NTFiNWExOGZjNDliYTUwZjA4Y2MzNjcyYTczMjY2ODkxMzhlNjAxYjUyYTkxZjFmMzZhMGM1Y2MyNDk3NWYwMDc1ZmYxNWJjYzQzNTNhNzUyYTMwMmE4OWQzNmNhMD4gL09FIDw1OGQ2YThhYjU2Njk3NzkwOGI2ZTE0NWVjY2EyZGZjNTRiMDdlNjRjZWM4YjEwMGI4NzgyOGMyNWZlZjkyMGU3PiAvUCAtNCAvUGVybXMgPGJiZDhjMzBmNGZkZDMyYWQxYzBmZmYwMDRjMWE3OGFjPiAvUiA2IC9TdG1GIC9TdGRDRiAvU3RyRiAvU3RkQ0YgL1UgPDUwMGNmMzA3NmFlOTM2ZGVjYzk3ZjE3OWZmYWJkYzBhNGU0NGI0OWQxOGVhMzBlMWZmZWNiZTdhMjA2YWJiZjUyYjc3NWVlODU4YTFjYjE4ODE5ZTc4ZGY4M2Y5ZmUwZT4gL1VFIDxjMTU3YjMzMWY4N2MxMDViM2FiNTEyNTBhODQyZDU4NGFiZmU0NjA1ZDRlOWQzMWUxYTYyYThlMDkzOWNiYzRhPiAvViA1ID4+CmVuZG9iago5IDAgb2JqCjw8IC9UeXBlIC9YUmVmIC9MZW5ndGggMzggL0ZpbHRlciAvRmxhdGVEZWNvZGUgL0RlY29kZVBhcm1zIDw8IC9Db2x1bW5zIDQgL1ByZWRpY3RvciAxMiA+PiAvVyBbIDEgMiAxIF0gL0luZm8gNCAwIFIgL1Jvb3QgMSAwIFIgL1NpemUgMTAgL0lEIFs8ODA3OTA3MTI1MGNjYTMzMWE2NjVjNzlhNGM1YTUyNzY+PDgwNzkwNzEyNTBjY2EzMzFhNjY1Yzc5YTRjNWE1Mjc2Pl0gL0VuY3J5cHQgOCAwIFIgPj4Kc3RyZWFtCnicY2IAAiZGBn4GJgaGYhCrAcRiYEQn/jN++cPEwKzMAAA75wQzCmVuZHN0cmVhbQplbmRvYmoKc3RhcnR4cmVmCjEwNDkKJSVFT0YK',
  'base64',
);

/** convert -size 8x8 xc:gray -quality 50 (ImageMagick 6.9). */
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/wAALCAAIAAgBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AH//Z',
  'base64',
);

/** convert -size 4x4 xc:white -strip. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAEAQAAAACBiqPTAAAADElEQVQI12P4wACGAA8IA8FeW+PBAAAAAElFTkSuQmCC', 'base64');

/** convert -size 2x2 xc:white xc:black xc:gray -strip -compress none: three pages (NewSubfileType 2, "a page"). */
export const TIFF_3 = Buffer.from(
  'SUkqABAAAAD//////////xAA/gAEAAEAAAACAAAAAAEDAAEAAAACAAAAAQEDAAEAAAACAAAAAgEDAAEAAAAQAAAAAwEDAAEAAAABAAAABgEDAAEAAAABAAAACgEDAAEAAAABAAAAEQEEAAEAAAAIAAAAEgEDAAEAAAABAAAAFQEDAAEAAAABAAAAFgEDAAEAAAACAAAAFwEEAAEAAAAIAAAAHAEDAAEAAAABAAAAKQEDAAIAAAAAAAMAPgEFAAIAAAAGAQAAPwEFAAYAAADWAAAAHgEAAIXrUQAAAIAAw/WoAAAAAALNzEwAAAAAAc3MTAAAAIAAzcxMAAAAAAKPwvUAAAAAEDcaoAAAAAACK4cKAAAAIAAAAAAAAAAAABAA/gAEAAEAAAACAAAAAAEDAAEAAAACAAAAAQEDAAEAAAACAAAAAgEDAAEAAAAQAAAAAwEDAAEAAAABAAAABgEDAAEAAAABAAAACgEDAAEAAAABAAAAEQEEAAEAAAAWAQAAEgEDAAEAAAABAAAAFQEDAAEAAAABAAAAFgEDAAEAAAACAAAAFwEEAAEAAAAIAAAAHAEDAAEAAAABAAAAKQEDAAIAAAABAAMAPgEFAAIAAAAUAgAAPwEFAAYAAADkAQAALAIAAIXrUQAAAIAAw/WoAAAAAALNzEwAAAAAAc3MTAAAAIAAzcxMAAAAAAKPwvUAAAAAEDcaoAAAAAACK4cKAAAAIAB+fn5+fn5+fg4A/gAEAAEAAAACAAAAAAEDAAEAAAACAAAAAQEDAAEAAAACAAAAAgEDAAEAAAAQAAAAAwEDAAEAAAABAAAABgEDAAEAAAABAAAACgEDAAEAAAABAAAAEQEEAAEAAAAkAgAAEgEDAAEAAAABAAAAFQEDAAEAAAABAAAAFgEDAAEAAAACAAAAFwEEAAEAAAAIAAAAHAEDAAEAAAABAAAAKQEDAAIAAAACAAMAAAAAAA==',
  'base64',
);

/**
 * A TIFF of `ifds` images, each one IFD with a NewSubfileType entry (1 = a reduced-resolution thumbnail),
 * in either byte order; `next` overrides the last IFD's link (a loop, or past the end).
 */
export function tiff(ifds: { subfile: number }[], o: { bigEndian?: boolean; lastNext?: number } = {}): Buffer {
  const size = 2 + 12 + 4;
  const b = Buffer.alloc(8 + ifds.length * size);
  const be = o.bigEndian === true;
  const w16 = (v: number, at: number) => (be ? b.writeUInt16BE(v, at) : b.writeUInt16LE(v, at));
  const w32 = (v: number, at: number) => (be ? b.writeUInt32BE(v, at) : b.writeUInt32LE(v, at));
  b.write(be ? 'MM' : 'II', 0, 'latin1');
  w16(42, 2);
  w32(8, 4);
  ifds.forEach((d, i) => {
    const at = 8 + i * size;
    w16(1, at);
    w16(254, at + 2);
    w16(4, at + 4);
    w32(1, at + 6);
    w32(d.subfile, at + 10);
    const last = i === ifds.length - 1;
    w32(last ? (o.lastNext ?? 0) : at + size, at + 14);
  });
  return b;
}
