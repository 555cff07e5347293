// @vitest-environment happy-dom
/** Components: fields with their Dutch message next to them, option cards, the explanation tree. */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { readFileSync } from 'node:fs'
import TextField from '../../src-renderer/src/components/TextField.vue'
import OptionCard from '../../src-renderer/src/components/OptionCard.vue'
import ExplainTree from '../../src-renderer/src/components/ExplainTree.vue'
import { i18n } from '../../src-renderer/src/i18n'
import { nl } from '../../src-renderer/src/i18n/nl'
import { en } from '../../src-renderer/src/i18n/en'
import { advise } from '../../shared/rules/advise'
import { parseClientCase } from '../../shared/schema/case'

// existing-aov: opt-out not possible (conditions ✗), transitional law possible (conditions, some relaxed).
const parsed = parseClientCase(JSON.parse(readFileSync('resources/cases/existing-aov.json', 'utf8')))
if (!parsed.ok) throw new Error('sample case invalid')
const result = advise(parsed.value)

describe('TextField', () => {
  it('ties the label, hint and error to the input for screen readers', async () => {
    const wrapper = mount(TextField, { props: { label: 'Winst', modelValue: 'abc', hint: 'in euro', error: 'moet een getal zijn' } })
    const input = wrapper.get('input')
    const label = wrapper.get('label')
    expect(label.attributes('for')).toBe(input.attributes('id'))
    expect(input.attributes('aria-invalid')).toBe('true')
    const described = input.attributes('aria-describedby')!.split(' ')
    expect(described.map((id) => wrapper.find(`[id="${id}"]`).text())).toEqual(['in euro', 'Winst moet een getal zijn.'])
    await input.setValue('41.000')
    expect(wrapper.emitted('update:modelValue')!.at(-1)).toEqual(['41.000'])
  })
})

describe('OptionCard', () => {
  it('shows the amounts with the shared formatter and the conditions ✓/✗ with their reasons', () => {
    const baz = mount(OptionCard, { props: { option: result.options.find((option) => option.id === 'baz')! }, global: { plugins: [i18n] } })
    expect(baz.get('[data-testid="premium-month-baz"]').text()).toMatch(/^€\u00a0[\d.]+,\d\d$/)
    const optOut = result.options.find((option) => option.conditions?.length)!
    const wrapper = mount(OptionCard, { props: { option: optOut }, global: { plugins: [i18n] } })
    const conditions = wrapper.findAll('.conditions li')
    expect(conditions).toHaveLength(optOut.conditions!.length)
    expect(conditions[0]!.text()).toContain(optOut.conditions![0]!.explanation)
    expect(wrapper.text()).toContain(optOut.conditions![0]!.passed ? '✓' : '✗')
  })

  it('shows an unavailable option with its reasons and without misleading amounts', () => {
    const unavailable = result.options.find((option) => !option.available)!
    const wrapper = mount(OptionCard, { props: { option: unavailable }, global: { plugins: [i18n] } })
    expect(wrapper.text()).toContain('Niet mogelijk')
    expect(wrapper.text()).toContain(unavailable.reasons[0])
    expect(wrapper.find('.figures').exists()).toBe(false)
  })

  it('hides the conditions and the explain buttons in presentation mode', () => {
    const optOut = result.options.find((option) => option.conditions?.length)!
    const wrapper = mount(OptionCard, { props: { option: optOut, presentation: true }, global: { plugins: [i18n] } })
    expect(wrapper.find('.conditions').exists()).toBe(false)
    expect(wrapper.find('.card-actions').exists()).toBe(false)
  })
})

describe('ExplainTree', () => {
  it('unfolds a figure into its steps with their sources', () => {
    const node = result.explanations[Object.keys(result.explanations)[0]!]!
    const wrapper = mount(ExplainTree, { props: { node } })
    expect(wrapper.text()).toContain(node.label)
    expect(wrapper.text()).toContain(node.expression)
    if (node.sources[0]) expect(wrapper.text()).toContain(node.sources[0].source)
  })
})

describe('messages', () => {
  it('English has exactly the keys of Dutch', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`)) : [prefix]
    expect(keys(en).sort()).toEqual(keys(nl).sort())
  })
})
