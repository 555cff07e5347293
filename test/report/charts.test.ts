import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { coverOverlapChart, coverOverlapText, hasCoverOverlap, incomeWhenDisabledChart, premiumPerYearChart } from '../../shared/charts'
import { coverParts } from '../../shared/charts/cover-overlap'
import { advise } from '../../shared/rules/advise'
import { parseClientCase } from '../../shared/schema/case'
import { renderChartSvg } from '../../src-main/reports/charts'
import { fixture, normaliseSpaces } from './helpers'

const { result } = fixture()
const available = result.options.filter((option) => option.available)
type Series = { name: string; data: (number | null)[] }

describe('chart specs', () => {
  it('premium per year: one line per available option, the projection as it is', () => {
    const option = premiumPerYearChart(result, { language: 'nl' })
    const series = option.series as Series[]
    expect(series.map((line) => line.name)).toEqual(available.map((candidate) => candidate.label))
    const years = (option.xAxis as { data: string[] }).data
    expect(years[0]).toBe(String(result.calculationYear))
    available.forEach((candidate, index) => {
      expect(series[index]!.data.slice(0, candidate.projection.length)).toEqual(candidate.projection.map((row) => row.premium))
    })
  })

  it('income when disabled: zero in the waiting period, the benefit after it', () => {
    const option = incomeWhenDisabledChart(result, { language: 'nl' })
    const series = option.series as Series[]
    const years = (option.xAxis as { data: string[] }).data.map(Number)
    const disabledYear = Number(available[0]!.illustration.disabledFrom.slice(0, 4))
    expect(years[0]).toBe(disabledYear - 1)
    const baz = series[available.findIndex((candidate) => candidate.id === 'baz')]!
    expect(baz.data[0]).toBe(0)
    expect(Math.max(...(baz.data as number[]))).toBeGreaterThan(0)
  })

  it('renders to SVG without a DOM, in the embedded font', () => {
    const svg = renderChartSvg(premiumPerYearChart(result, { language: 'nl' }))
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).toContain('LiberationSans')
    expect(svg).toContain('€')
  })
})

describe('Baz and AOV together (keeping both, transitional law)', () => {
  const raw = JSON.parse(readFileSync(new URL('../../resources/cases/existing-aov.json', import.meta.url), 'utf8'))
  const parsed = parseClientCase(raw)
  if (!parsed.ok) throw new Error('existing-aov is not a valid case')
  const clientCase = parsed.value
  const existing = advise(clientCase)

  it('stacks the Baz part and the AOV part of each option, to the cent', () => {
    // The Baz at full disability: 70 % × € 42.787,46 = € 29.951,22; the running AOV insures € 45.000.
    const parts = Object.fromEntries(coverParts(existing).map((part) => [part.option.id, [part.baz, part.policy]]))
    expect(parts).toEqual({ baz: [29951.22, 0], transitional: [0, 45000], 'keep-both': [29951.22, 45000] })
    const series = coverOverlapChart(existing, clientCase, { language: 'nl' }).series as { name: string; stack: string; data: number[] }[]
    expect(series.map((bar) => [bar.name, bar.stack, bar.data])).toEqual([
      ['Baz', 'cover', [29951.22, 0, 29951.22]],
      ['Private AOV', 'cover', [0, 45000, 45000]],
    ])
    expect(normaliseSpaces(renderChartSvg(coverOverlapChart(existing, clientCase, { language: 'nl' })))).toContain('Winst 2029: € 63.000')
    // In English the axis, the bar labels and the profit line follow English conventions.
    const english = normaliseSpaces(renderChartSvg(coverOverlapChart(existing, clientCase, { language: 'en' })))
    expect(english).toContain('€63,000')
    expect(english).not.toMatch(/€ \d/)
  })

  it('says it in words, over-insurance included, in Dutch and English', () => {
    const nl = normaliseSpaces(coverOverlapText(existing, clientCase, 'nl').join('\n'))
    expect(nl).toContain('Baz én de lopende AOV houden: Baz € 29.951,22 + AOV € 45.000,00 = € 74.951,22 per jaar.')
    expect(nl).toContain('Overgangsrecht met de lopende AOV: alleen AOV, € 45.000,00 per jaar.')
    expect(nl).toContain('Baz én de lopende AOV houden keert samen meer uit dan uw winst in 2029: oververzekering.')
    expect(coverOverlapText(advise(clientCase, { language: 'en' }), clientCase, 'en').join('\n')).toContain('together pays more than your profit in 2029: over-insurance.')
  })

  it('is drawn only where an option holds both', () => {
    expect(hasCoverOverlap(existing)).toBe(true)
    expect(hasCoverOverlap({ ...existing, options: existing.options.filter((option) => option.id !== 'keep-both') })).toBe(false)
  })
})
