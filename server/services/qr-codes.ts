/**
 * QR codes of partner links, for workshops where people scan a printed or projected code
 * instead of typing a URL: an SVG for the dashboard and the printed sheet, Unicode blocks for
 * a terminal. Error correction M (15 %), the usual level for codes printed on paper.
 */
import { renderSVG, renderUnicodeCompact } from 'uqr'

/** The QR code of `text` as an SVG document, black on white with a 4-module quiet zone. */
export function qrSvg(text: string): string {
  return renderSVG(text, { ecc: 'M', border: 4 })
}

/**
 * The QR code of `text` in Unicode half blocks, two rows a line, light modules drawn as ink:
 * right on a dark terminal (most are), scanned as an inverted code on a light one.
 */
export function qrTerminal(text: string): string {
  return renderUnicodeCompact(text, { ecc: 'M', border: 2 })
}
