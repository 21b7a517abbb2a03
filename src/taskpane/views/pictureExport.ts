/**
 * A drawn SVG as a PNG for a review deck: drawn onto a canvas from a data: URL (the pane's
 * Content-Security-Policy allows images from data:, and an SVG without foreign content keeps
 * the canvas readable), then put on the clipboard or saved as a file.
 */

/** Twice the picture's size, so it stays sharp on a slide. */
const SCALE = 2;

/** The SVG drawn at SCALE as PNG bytes. */
export async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const doc = svg.ownerDocument;
  const win = doc.defaultView;
  if (!win) throw new Error("the picture is not in a window");
  const [, , width, height] = (svg.getAttribute("viewBox") ?? "")
    .split(" ")
    .map(Number);
  if (!(width > 0 && height > 0)) throw new Error("the picture has no size");
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  const image = new win.Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new win.XMLSerializer().serializeToString(copy))}`;
  await image.decode();
  const canvas = doc.createElement("canvas");
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("this browser cannot draw the picture");
  context.scale(SCALE, SCALE);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (png) =>
        png ? resolve(png) : reject(new Error("the picture could not be made")),
      "image/png",
    ),
  );
}

/** Whether this browser can put a picture on the clipboard (the async Clipboard API with images). */
export function canCopyPictures(win: Window | null): boolean {
  return (
    !!win &&
    typeof (win as Window & { ClipboardItem?: unknown }).ClipboardItem ===
      "function" &&
    typeof win.navigator.clipboard?.write === "function"
  );
}

/**
 * Puts the PNG on the clipboard. Called straight from the click, with the PNG still being
 * made: the clipboard needs the user's click, and a ClipboardItem takes a promise for that.
 * Office on the web may refuse the Clipboard API in the add-in's frame (a permissions
 * policy; OfficeDev/office-js issue 1991): the promise then rejects and the pane offers Save.
 */
export function copyPng(win: Window, png: Promise<Blob>): Promise<void> {
  // The frame's own ClipboardItem (the pane's window may be another realm than this module's).
  const Item = (win as Window & { ClipboardItem: typeof ClipboardItem })
    .ClipboardItem;
  return win.navigator.clipboard.write([new Item({ "image/png": png })]);
}

/** A file name from a partner's name: the characters Windows refuses in names replaced. */
export function pictureFileName(partner: string): string {
  const safe = [...partner]
    .map((ch) => (ch < " " || '\\/:*?"<>|'.includes(ch) ? "-" : ch))
    .join("")
    .trim();
  return `${safe || "partner"} scorecard.png`;
}

/** Saves the PNG as a download named `fileName`. */
export function savePng(doc: Document, png: Blob, fileName: string): void {
  const url = URL.createObjectURL(png);
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
