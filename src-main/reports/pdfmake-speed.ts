/**
 * Three shortcuts in pdfmake's layout, which was most of a report's rendering time.
 *
 * pdfmake lays the whole document out again for every page break the report's keep-with-next
 * asks for (the starter sample: six layouts), and each layout measures every word again, looking
 * up some twenty style properties per word.
 *
 * 1. Style lookups without allocation. pdfmake 0.3's StyleContextStack.getProperty and the static
 *    getStyleProperty allocate two closures and a Set per named style on the stack for every
 *    lookup; in a profile of the warm starter report that was about a third of the layout's time,
 *    much of it the garbage collector. The versions below give the same answer in the same order
 *    (the item's own value; the stack from the top: a named style with its `extends` chain last to
 *    first, or an override object; then the default style) without allocating.
 * 2. A text node is measured at most twice per document. Its words, fonts and widths depend only
 *    on the node and the styles around it, and neither changes between the layouts of one
 *    document (a repeated layout only adds a page break before a node). pdfmake consumes the
 *    measured words while placing them, so the second measurement is kept as copies and each
 *    further layout gets fresh copies of it (with 3. below most documents need one layout, and
 *    copying for a layout that never comes was only garbage). Nodes whose text refers to another
 *    node (page and text references: the table of contents) are measured every time, as pdfmake
 *    renews those references for each layout. A chart (SVG) is measured once: pdfmake parses its
 *    SVG text twice per layout to read and then rewrite its size, which gives the same text and
 *    size every time.
 * 3. Keep-with-next in one layout. The report's pageBreakBefore moves a heading that would start
 *    low on a page to the next page. pdfmake asks it only after a whole layout, and for the first
 *    node that answers yes it adds the break and lays the whole document out again (the starter
 *    sample: five breaks, six layouts, about a fifth of a first report's time). The answer for a
 *    heading depends only on where it starts, and that is known just before pdfmake places it: a
 *    heading that is a plain text node in the page's main flow starts where the writer stands
 *    after its top margin, or at the top of the next page when its first line does not fit there.
 *    So the question is asked then, with that start position, and a yes sets the same
 *    `pageBreak: 'before'` pdfmake would set for its next layout; everything before that node is
 *    laid out identically either way, so the pages are the same. pdfmake still asks its own
 *    question of every node afterwards, with the real positions. Guards, each falling back to
 *    pdfmake's own way: a heading whose start cannot be foretold (inside a table, columns or an
 *    unbreakable block, with mixed line heights, absolute positions) stops the early answers for
 *    the rest of that layout; a pageBreakBefore that looks at anything but the node and its start
 *    position (the page count, the nodes around it) is not asked early; a heading that did not
 *    start where foretold, or any further layout pdfmake needs, discards the early answers and
 *    lays the document out again entirely pdfmake's way.
 *
 * All replace methods on pdfmake's own classes, which pdfmake calls through the class at run
 * time. A pdfmake whose classes look different is left alone (rendering then works as before,
 * only slower). test/report/pdfmake-speed.test.ts checks the answers against pdfmake's own.
 */
type Style = Record<string, unknown> & { extends?: string | string[] }

interface StyleStack {
  styleDictionary: Record<string, Style | undefined>
  styleOverrides?: unknown[]
  defaultStyle?: Record<string, unknown>
  autopush(item: unknown): number
  pop(howMany?: number): void
  getProperty(property: string): unknown
}

type StyleLookup = (item: Record<string, unknown>, stack: StyleStack | undefined, property: string, defaultValue: unknown) => unknown

export interface StyleContextStackClass {
  prototype: StyleStack
  getStyleProperty: StyleLookup
}

interface TextNode {
  text?: unknown
  _textRef?: unknown
  _inlines?: Record<string, unknown>[]
  _minWidth?: number
  _maxWidth?: number
}

type SvgNode = Record<string, unknown> & { svg?: unknown }

/** The parts of a pdfmake node the early keep-with-next reads and writes. */
interface LayoutNode {
  headlineLevel?: number
  text?: unknown
  pageBreak?: string
  pageBreakCalculated?: boolean
  pageOrientation?: unknown
  absolutePosition?: unknown
  relativePosition?: unknown
  unbreakable?: unknown
  verticalAlignment?: unknown
  _margin?: number[] | null
  _inlines?: { height?: number }[]
  positions?: { pageNumber?: number; top?: number }[]
  [field: string]: unknown
}

interface PageContext {
  page: number
  x: number
  y: number
  availableHeight: number
  pageMargins: { top: number; bottom: number; left: number; right: number }
  snapshots?: unknown[]
  getCurrentPage(): { pageSize: { width: number; height: number; orientation?: string } } | null
}

interface PageWriter {
  context(): PageContext
  contextStack?: unknown[]
  transactionLevel?: number
  repeatables?: unknown[]
}

type PageBreakBefore = (nodeInfo: Record<string, unknown>, helpers: Record<string, unknown>) => boolean

interface Builder {
  writer?: PageWriter
  linearNodeList?: LayoutNode[]
  layoutDocument(...args: unknown[]): unknown
  tryLayoutDocument(...args: unknown[]): unknown
  processNode(node: LayoutNode, ...rest: unknown[]): unknown
}

export interface LayoutBuilderClass {
  prototype: Builder
}

export interface DocMeasureClass {
  prototype: { measureLeaf(node: TextNode): TextNode; measureSVG(node: SvgNode): SvgNode }
}

/** What pdfmake 0.3's measureSVG writes on the node (measureImageWithDimensions included). */
const svgMeasureFields = ['svg', 'font', '_width', '_height', '_minWidth', '_maxWidth', '_minHeight', '_maxHeight', '_alignment'] as const

const isValue = (value: unknown) => value !== undefined && value !== null
// eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- pdfmake accepts String objects as style names
const isString = (value: unknown): value is string | String => typeof value === 'string' || value instanceof String

/** A named style's value for the property, following `extends` (last parent first), each style once. */
function fromNamedStyle(dictionary: StyleStack['styleDictionary'], name: string, property: string, visited?: Set<string>): unknown {
  if (visited?.has(name)) return undefined
  const style = dictionary[name]
  if (!style) return undefined
  const own = style[property]
  if (isValue(own)) return own
  if (!style.extends) return undefined
  const seen = visited ?? new Set<string>()
  seen.add(name)
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends]
  for (let index = parents.length - 1; index >= 0; index--) {
    const value = fromNamedStyle(dictionary, parents[index]!, property, seen)
    if (isValue(value)) return value
  }
  return undefined
}

function getProperty(this: StyleStack, property: string): unknown {
  const overrides = this.styleOverrides
  if (overrides) {
    for (let index = overrides.length - 1; index >= 0; index--) {
      const item = overrides[index]
      if (isString(item)) {
        const value = fromNamedStyle(this.styleDictionary, String(item), property)
        if (isValue(value)) return value
      } else {
        const value = (item as Record<string, unknown>)[property]
        if (isValue(value)) return value
      }
    }
  }
  return this.defaultStyle && this.defaultStyle[property]
}

function getStyleProperty(item: Record<string, unknown>, stack: StyleStack | undefined, property: string, defaultValue: unknown): unknown {
  const own = item[property]
  if (isValue(own)) return own
  if (!stack) return defaultValue
  const pushed = stack.autopush(item)
  const value = stack.getProperty(property)
  if (pushed > 0) stack.pop(pushed)
  return isValue(value) ? value : defaultValue
}

/** Text that is the same on every layout: a string, or pieces that are strings or styled strings without references. */
function isPlainText(text: unknown): boolean {
  if (typeof text === 'string') return true
  if (!Array.isArray(text)) return false
  return text.every((piece) => {
    if (typeof piece === 'string') return true
    if (typeof piece !== 'object' || piece === null) return false
    const fields = piece as Record<string, unknown>
    return typeof fields.text === 'string' && !fields.pageReference && !fields.textReference && !fields._pageRef && !fields._textRef
  })
}

interface Measured {
  text: unknown
  /** Copies of the measured words; absent after the first measurement (see measureLeaf below). */
  inlines?: Record<string, unknown>[]
  minWidth?: number | undefined
  maxWidth?: number | undefined
}

const copies = (inlines: Record<string, unknown>[]) => inlines.map((inline) => ({ ...inline }))

/** What pdfmake 0.3's layoutDocument copies from a node into the node information it asks about. */
const nodeInfoFields = ['id', 'text', 'ul', 'ol', 'table', 'image', 'qr', 'canvas', 'svg', 'columns', 'headlineLevel', 'style', 'pageBreak', 'pageOrientation', 'width', 'height'] as const

/** A start position as pdfmake's DocumentContext.getCurrentPosition gives it. */
interface StartPosition {
  pageNumber: number
  pageOrientation: string | undefined
  pageInnerHeight: number
  pageInnerWidth: number
  left: number
  top: number
  verticalRatio: number
  horizontalRatio: number
}

/** One document's keep-with-next, asked early during its first layout. */
interface KeepState {
  ask: PageBreakBefore
  passes: number
  /** False from the first heading whose start could not be foretold: pdfmake decides the rest. */
  early: boolean
  /** Nodes that had `pageBreak: 'before'` of their own. */
  own: WeakSet<LayoutNode>
  /** Breaks set by an early yes. */
  broken: LayoutNode[]
  /** A heading did not start where foretold. */
  missed: boolean
}

/**
 * Where pdfmake 0.3 will place the first line of a text node it is about to process, or undefined
 * when that cannot be said without laying the node out (see 3. above).
 */
function foretellStart(writer: PageWriter, node: LayoutNode): StartPosition | undefined {
  if ((typeof node.text !== 'string' && !Array.isArray(node.text)) || node.text.length === 0) return undefined
  if (node.pageOrientation !== undefined || node.absolutePosition || node.relativePosition || node.unbreakable || node.verticalAlignment) return undefined
  if ((writer.contextStack?.length ?? 0) > 0 || (writer.transactionLevel ?? 0) > 0 || (writer.repeatables?.length ?? 0) > 0) return undefined
  const context = writer.context()
  if ((context.snapshots?.length ?? 0) > 0) return undefined
  const inlines = node._inlines
  if (!inlines || inlines.length === 0) return undefined
  // A line is as high as its highest piece; with one height for all pieces the first line's is known.
  const lineHeight = inlines[0]!.height ?? 0
  if (inlines.some((inline) => (inline.height ?? 0) !== lineHeight)) return undefined
  const page = context.getCurrentPage()
  if (!page) return undefined
  const margins = context.pageMargins
  const innerHeight = page.pageSize.height - margins.top - margins.bottom
  const innerWidth = page.pageSize.width - margins.left - margins.right
  const margin = node._margin
  let pageNumber = context.page + 1
  let top = context.y
  let available = context.availableHeight
  // processNode: a top margin larger than the space left moves the node to the next page without it.
  if (margin && available - margin[1]! < 0) {
    pageNumber += 1
    top = margins.top
    available = innerHeight
  } else if (margin) {
    top += margin[1]!
    available -= margin[1]!
  }
  // processLeaf: a first line that does not fit starts the next page.
  if (lineHeight > available && top > margins.top) {
    pageNumber += 1
    top = margins.top
  }
  const left = context.x + (margin ? margin[0]! : 0)
  return {
    pageNumber,
    pageOrientation: page.pageSize.orientation,
    pageInnerHeight: innerHeight,
    pageInnerWidth: innerWidth,
    left,
    top,
    verticalRatio: (top - margins.top) / innerHeight,
    horizontalRatio: (left - margins.left) / innerWidth,
  }
}

/**
 * The document's pageBreakBefore asked about a node before it is placed: true or false, or
 * undefined when the answer looked at more than the node and its start (the pages, other nodes),
 * which are not known yet.
 */
function askEarly(ask: PageBreakBefore, node: LayoutNode, start: StartPosition): boolean | undefined {
  let beyond = false
  const unknown = () => {
    beyond = true
    return undefined
  }
  const info: Record<string, unknown> = { startPosition: start, stack: false }
  for (const field of nodeInfoFields) if (node[field] !== undefined) info[field] = node[field]
  Object.defineProperty(info, 'pageNumbers', { get: unknown, enumerable: true })
  Object.defineProperty(info, 'pages', { get: unknown, enumerable: true })
  const helpers = {}
  for (const name of ['getFollowingNodesOnPage', 'getNodesOnNextPage', 'getPreviousNodesOnPage']) {
    Object.defineProperty(helpers, name, { get: () => (unknown(), () => []), enumerable: true })
  }
  const answer = ask(info, helpers)
  return beyond ? undefined : Boolean(answer)
}

const keepStates = new WeakMap<object, KeepState>()

function installEarlyKeepWithNext(builder: Builder): Uninstall {
  const own = { layoutDocument: builder.layoutDocument, tryLayoutDocument: builder.tryLayoutDocument, processNode: builder.processNode }
  builder.layoutDocument = function (this: Builder, ...args: unknown[]): unknown {
    const ask = args[8]
    if (typeof ask !== 'function') return own.layoutDocument.apply(this, args)
    const state: KeepState = { ask: ask as PageBreakBefore, passes: 0, early: true, own: new WeakSet(), broken: [], missed: false }
    keepStates.set(this, state)
    let pages: unknown
    try {
      pages = own.layoutDocument.apply(this, args)
    } finally {
      keepStates.delete(this)
    }
    // pdfmake's own later breaks (headings whose start was not foretold) all come after the last
    // early one: every early answer was given on the final positions.
    const list = this.linearNodeList ?? []
    const broken = new Set(state.broken)
    let lastEarly = -1
    let firstLate = -1
    list.forEach((node, index) => {
      if (broken.has(node)) lastEarly = index
      else if (firstLate < 0 && node.pageBreak === 'before' && !state.own.has(node)) firstLate = index
    })
    if (!state.missed && (firstLate < 0 || firstLate > lastEarly)) return pages
    // An early answer may have been given on a position that changed: pdfmake's own way, from the start.
    for (const node of list) {
      delete node.pageBreakCalculated
      if (node.pageBreak === 'before' && !state.own.has(node)) delete node.pageBreak
      ;(node as { resetXY?: () => void }).resetXY?.()
    }
    for (const node of state.broken) delete node.pageBreak
    return own.layoutDocument.apply(this, args)
  }
  builder.tryLayoutDocument = function (this: Builder, ...args: unknown[]): unknown {
    const state = keepStates.get(this)
    if (state) state.passes += 1
    return own.tryLayoutDocument.apply(this, args)
  }
  builder.processNode = function (this: Builder, node: LayoutNode, ...rest: unknown[]): unknown {
    const state = keepStates.get(this)
    if (!state || state.passes !== 1) return own.processNode.call(this, node, ...rest)
    if (node.pageBreak === 'before') {
      state.own.add(node)
      return own.processNode.call(this, node, ...rest)
    }
    if (!state.early || node.headlineLevel === undefined || node.pageBreakCalculated) return own.processNode.call(this, node, ...rest)
    const start = this.writer ? foretellStart(this.writer, node) : undefined
    const answer = start ? askEarly(state.ask, node, start) : undefined
    if (answer === undefined) {
      state.early = false
      return own.processNode.call(this, node, ...rest)
    }
    if (answer) {
      node.pageBreak = 'before'
      state.broken.push(node)
      return own.processNode.call(this, node, ...rest)
    }
    const result = own.processNode.call(this, node, ...rest)
    const actual = node.positions?.[0]
    if (!actual || actual.pageNumber !== start!.pageNumber || actual.top !== start!.top) state.missed = true
    return result
  }
  return () => Object.assign(builder, own)
}

/** A restorer that puts pdfmake's own methods back (tests compare both). */
export type Uninstall = () => void

/**
 * Installs the shortcuts on pdfmake's StyleContextStack, DocMeasure and LayoutBuilder; a class whose shape is
 * not the expected one is left as it is. Returns a function that restores pdfmake's own methods.
 */
export function installLayoutShortcuts(styleContextStack: StyleContextStackClass, docMeasure: DocMeasureClass, layoutBuilder?: LayoutBuilderClass): Uninstall {
  const restore: Uninstall[] = []
  const builder = layoutBuilder?.prototype
  if (typeof builder?.layoutDocument === 'function' && typeof builder.tryLayoutDocument === 'function' && typeof builder.processNode === 'function') {
    restore.push(installEarlyKeepWithNext(builder))
  }
  const stackPrototype = styleContextStack?.prototype
  if (
    typeof styleContextStack?.getStyleProperty === 'function' &&
    typeof stackPrototype?.getProperty === 'function' &&
    typeof stackPrototype.autopush === 'function' &&
    typeof stackPrototype.pop === 'function'
  ) {
    const own = { getProperty: stackPrototype.getProperty, getStyleProperty: styleContextStack.getStyleProperty }
    stackPrototype.getProperty = getProperty
    styleContextStack.getStyleProperty = getStyleProperty
    restore.push(() => {
      stackPrototype.getProperty = own.getProperty
      styleContextStack.getStyleProperty = own.getStyleProperty
    })
  }
  const measurePrototype = docMeasure?.prototype
  if (typeof measurePrototype?.measureLeaf === 'function') {
    const measureLeaf = measurePrototype.measureLeaf
    // One DocMeasure serves all layouts of one document: the cache lives and dies with it.
    const caches = new WeakMap<object, WeakMap<TextNode, Measured>>()
    measurePrototype.measureLeaf = function (this: object, node: TextNode): TextNode {
      if (node._textRef || !isPlainText(node.text)) return measureLeaf.call(this, node)
      let cache = caches.get(this)
      if (!cache) caches.set(this, (cache = new WeakMap()))
      const measured = cache.get(node)
      if (measured?.inlines && measured.text === node.text) {
        node._inlines = copies(measured.inlines)
        node._minWidth = measured.minWidth
        node._maxWidth = measured.maxWidth
        return node
      }
      measureLeaf.call(this, node)
      // The copy is kept from the second measurement on: most documents are laid out once (3.
      // above), and copying every word of every node for a layout that never comes was garbage.
      const again = measured !== undefined && measured.text === node.text
      cache.set(node, again ? { text: node.text, inlines: copies(node._inlines ?? []), minWidth: node._minWidth, maxWidth: node._maxWidth } : { text: node.text })
      return node
    }
    restore.push(() => {
      measurePrototype.measureLeaf = measureLeaf
    })
  }
  if (typeof measurePrototype?.measureSVG === 'function') {
    const measureSVG = measurePrototype.measureSVG
    const caches = new WeakMap<object, WeakMap<SvgNode, Record<string, unknown>>>()
    measurePrototype.measureSVG = function (this: object, node: SvgNode): SvgNode {
      if (typeof node.svg !== 'string') return measureSVG.call(this, node)
      let cache = caches.get(this)
      if (!cache) caches.set(this, (cache = new WeakMap()))
      const measured = cache.get(node)
      if (measured && measured.svg === node.svg) {
        for (const field of svgMeasureFields) {
          if (field in measured) node[field] = measured[field]
          else delete node[field]
        }
        return node
      }
      measureSVG.call(this, node)
      cache.set(node, Object.fromEntries(svgMeasureFields.filter((field) => field in node).map((field) => [field, node[field]])))
      return node
    }
    restore.push(() => {
      measurePrototype.measureSVG = measureSVG
    })
  }
  return () => restore.forEach((undo) => undo())
}
