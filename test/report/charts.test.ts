import { describe, expect, it } from 'vitest'
import { incomeWhenDisabledChart, premiumPerYearChart } from '../../shared/charts'
import { renderChartSvg } from '../../src-main/reports/charts'
import { fixture } from './helpers'

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
