/**
 * Two shortcuts in pdfmake's text measuring, which was most of a report's rendering time.
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
 * 2. A text node is measured once per document. Its words, fonts and widths depend only on the
 *    node and the styles around it, and neither changes between the layouts of one document (a
 *    repeated layout only adds a page break before a node). pdfmake consumes the measured words
 *    while placing them, so each layout gets fresh copies of the first measurement. Nodes whose text
 *    refers to another node (page and text references: the table of contents) are measured every
 *    time, as pdfmake renews those references for each layout. A chart (SVG) is likewise measured
 *    once: pdfmake parses its SVG text twice per layout to read and then rewrite its size, which
 *    gives the same text and size every time.
 *
 * Both replace methods on pdfmake's own classes, which pdfmake calls through the class at run
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
  inlines: Record<string, unknown>[]
  minWidth: number | undefined
  maxWidth: number | undefined
}

const copies = (inlines: Record<string, unknown>[]) => inlines.map((inline) => ({ ...inline }))

/** A restorer that puts pdfmake's own methods back (tests compare both). */
export type Uninstall = () => void

/**
 * Installs both shortcuts on pdfmake's StyleContextStack and DocMeasure; a class whose shape is
 * not the expected one is left as it is. Returns a function that restores pdfmake's own methods.
 */
export function installLayoutShortcuts(styleContextStack: StyleContextStackClass, docMeasure: DocMeasureClass): Uninstall {
  const restore: Uninstall[] = []
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
      if (measured && measured.text === node.text) {
        node._inlines = copies(measured.inlines)
        node._minWidth = measured.minWidth
        node._maxWidth = measured.maxWidth
        return node
      }
      measureLeaf.call(this, node)
      cache.set(node, { text: node.text, inlines: copies(node._inlines ?? []), minWidth: node._minWidth, maxWidth: node._maxWidth })
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
