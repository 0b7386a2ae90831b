/**
 * `renderPdf`: the HTML report printed to an A4 PDF by a headless Chromium installed on the
 * machine (Debian's `chromium`; never a downloaded browser), through playwright-core. The page
 * loads nothing (the report is self-contained and its CSP blocks the rest), and the PDF's dates
 * are replaced by a constant, so the same HTML gives the same bytes.
 */
import { existsSync, statSync } from 'node:fs'

/** Where Chromium is looked for when `CHROMIUM_PATH` is not set. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium'

/** How to get Chromium on Debian or Ubuntu. */
export const CHROMIUM_INSTALL = 'apt-get install chromium'

/** No Chromium where it was looked for: the message says where and how to install it. */
export class ChromiumNotFound extends Error {
  override name = 'ChromiumNotFound'
  constructor(readonly path: string) {
    super(
      `a PDF needs Chromium, which is not at ${path}: install it (${CHROMIUM_INSTALL}) or set CHROMIUM_PATH to its executable`,
    )
  }
}

/** The Chromium executable: `CHROMIUM_PATH`, else /usr/bin/chromium; null when not a file. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = chromiumPath(env)
  return existsSync(path) && statSync(path).isFile() ? path : null
}

/** Where Chromium is expected, whether or not it is there. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM
}

/** Headless, no sandbox (containers), no GPU, and no network of its own (its background
 * connections are refused on closed networks, many at a time). The tests launch it the same way. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Options of `renderPdf`. */
export interface RenderPdfOptions {
  /** The Chromium executable; default `findChromium()`. */
  chromium?: string
}

/**
 * Prints a self-contained HTML page (the report of `renderHtml`) to PDF: A4 unless the page's
 * CSS says otherwise (`@page`), backgrounds printed, tagged, with an outline from the headings.
 * Throws `ChromiumNotFound` when there is no Chromium.
 * @example const pdf = await renderPdf(renderHtml(model, { svgs }))
 */
export async function renderPdf(html: string, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  const executablePath = options.chromium ?? findChromium()
  if (!executablePath) throw new ChromiumNotFound(chromiumPath())
  if (!existsSync(executablePath)) throw new ChromiumNotFound(executablePath)
  // playwright-core only where a PDF is made: the rest of Gapkit never loads it.
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ javaScriptEnabled: false })
    // Nothing leaves the machine, whatever the page names.
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    })
    return withoutClock(new Uint8Array(pdf))
  } finally {
    await browser.close()
  }
}

/** A PDF date as Chromium writes it: `D:YYYYMMDDHHmmSS` and an optional zone. */
const PDF_DATE = /\/(CreationDate|ModDate) ?\(D:\d{14}([+-]\d\d'\d\d'|Z)?\)/g

/**
 * The PDF with its creation and change dates set to 2000-01-01 00:00 UTC. The replacement has
 * the same length as what it replaces, so the cross-reference offsets stay right.
 */
export function withoutClock(pdf: Uint8Array): Uint8Array {
  // latin1 maps each byte to one character and back, so binary streams survive.
  const text = Buffer.from(pdf).toString('latin1')
  const fixed = text.replace(PDF_DATE, (match, _key: string, zone: string | undefined) => {
    const stamp = `D:20000101000000${zone === undefined ? '' : zone === 'Z' ? 'Z' : "+00'00'"}`
    return match.replace(/D:[^)]*/, stamp)
  })
  return new Uint8Array(Buffer.from(fixed, 'latin1'))
}
