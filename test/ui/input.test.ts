// @vitest-environment happy-dom
/**
 * Input as advisers type it: money in the Dutch ways of writing it, eigen risico as the usual
 * periods or a number of days, dates as dag-maand-jaar, and messages as sentences naming the field.
 */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { parseDutchNumber } from '../../shared/intake/numbers'
import { parseDutchDate, dutchDateText } from '../../shared/intake/dates'
import { sentence } from '../../src-renderer/src/lib/messages'
import { newDraft, validateDraft, incomeYearsFor } from '../../shared/intake/draft'
import PeriodField from '../../src-renderer/src/components/PeriodField.vue'
import DateField from '../../src-renderer/src/components/DateField.vue'
import { i18n } from '../../src-renderer/src/i18n'

describe('money as advisers write it', () => {
  it.each([
    ['€ 3.900,-', 3900],
    ['€ 3.900,--', 3900],
    ['3.900,-', 3900],
    ['3.900', 3900],
    ['3900', 3900],
    ['3900,50', 3900.5],
    ['€ 48.000,50', 48000.5],
    ['€\u00a048.000', 48000],
    [' 2.400 ', 2400],
    ['1.234.567,89', 1234567.89],
    ['0,5', 0.5],
  ])('"%s" is %s', (text, expected) => {
    expect(parseDutchNumber(text)).toBe(expected)
  })

  it.each(['drieduizend', '3.900,-,-', '€', '3,900,50'])('"%s" is not an amount (the schema says so next to the field)', (text) => {
    expect(typeof parseDutchNumber(text) === 'number').toBe(false)
  })
})

describe('eigen risico as a period', () => {
  const mountPeriod = (value: string) => mount(PeriodField, { props: { label: 'Eigen risico', modelValue: value, testid: 'wait' }, global: { plugins: [i18n] } })

  it.each([
    ['14', '2 weken'],
    ['30', '1 maand'],
    ['90', '3 maanden'],
    ['365', '1 jaar'],
    ['730', '2 jaar'],
  ])('%s days is offered as "%s"', async (days, name) => {
    const wrapper = mountPeriod(days === '730' ? '14' : '730')
    const option = wrapper.findAll('option').find((o) => o.attributes('value') === days)!
    expect(option.text()).toContain(name)
    await wrapper.get('select').setValue(days)
    expect(wrapper.emitted('update:modelValue')!.at(-1)).toEqual([days])
  })

  it('takes another number of days, and shows a saved odd number as such', async () => {
    const wrapper = mountPeriod('30')
    await wrapper.get('select').setValue('custom')
    const days = wrapper.get('[data-testid="wait-days"]')
    await days.setValue('60')
    expect(wrapper.emitted('update:modelValue')!.at(-1)).toEqual(['60'])
    const saved = mountPeriod('45')
    expect((saved.get('select').element as HTMLSelectElement).value).toBe('custom')
    expect((saved.get('[data-testid="wait-days"]').element as HTMLInputElement).value).toBe('45')
  })
})

describe('dates as dag-maand-jaar', () => {
  it.each([
    ['14-03-1985', '1985-03-14'],
    ['14-3-1985', '1985-03-14'],
    ['14/03/1985', '1985-03-14'],
    ['14.03.1985', '1985-03-14'],
    ['14031985', '1985-03-14'],
    ['1985-03-14', '1985-03-14'],
    ['29-02-2024', '2024-02-29'],
  ])('"%s" is %s', (text, iso) => {
    expect(parseDutchDate(text)).toBe(iso)
  })

  it.each(['31-04-2020', '29-02-2023', '03/14/1985', '14-03-85', ''])('"%s" is not a date', (text) => {
    expect(parseDutchDate(text)).toBeUndefined()
  })

  it('shows an ISO date as dd-mm-jjjj and keeps partial typing in the model', async () => {
    expect(dutchDateText('1985-03-14')).toBe('14-03-1985')
    const wrapper = mount(DateField, { props: { label: 'Geboortedatum', modelValue: '1985-03-14' }, global: { plugins: [i18n] } })
    const input = wrapper.get('input[type="text"]')
    expect((input.element as HTMLInputElement).value).toBe('14-03-1985')
    await input.setValue('14-03-19')
    expect(wrapper.emitted('update:modelValue')!.at(-1)).toEqual(['14-03-19'])
    await input.setValue('1-4-1990')
    expect(wrapper.emitted('update:modelValue')!.at(-1)).toEqual(['1990-04-01'])
  })
})

describe('the intake draft', () => {
  it('refuses a birth date in the future and names the field in a sentence', () => {
    const draft = newDraft('Jan', '2031-01-01', new Date('2026-11-30T12:00:00'))
    const result = validateDraft(draft, '2026-11-30')
    expect(result.ok).toBe(false)
    const problem = result.problems.find((p) => p.path === 'client.birthDate')!
    expect(sentence('Geboortedatum', problem.message)).toBe('Geboortedatum mag niet in de toekomst liggen.')
  })

  it('prefills the three income years before the calculation year', () => {
    expect(incomeYearsFor(2030)).toEqual([2027, 2028, 2029])
    const draft = newDraft('Jan', '1985-03-14', new Date('2026-11-30T12:00:00'))
    expect(draft.calculationYear).toBe('2030')
    expect(draft.income.map((row) => row.year)).toEqual(['2027', '2028', '2029'])
  })

  it('leaves a message that is already a sentence as it is', () => {
    expect(sentence('Naam', 'mag hoogstens 200 tekens lang zijn')).toBe('Naam mag hoogstens 200 tekens lang zijn.')
    expect(sentence('Naam', 'Vul een naam in.')).toBe('Vul een naam in.')
  })
})
