// @vitest-environment happy-dom
/** Components: fields with their Dutch message next to them, option cards, the explanation tree. */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { readFileSync } from 'node:fs'
import TextField from '../../src-renderer/src/components/TextField.vue'
import OptionsTable from '../../src-renderer/src/components/OptionsTable.vue'
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

describe('OptionsTable', () => {
  const available = result.options.filter((option) => option.available)
  const unavailable = result.options.filter((option) => !option.available)

  it('puts every possible option in a column, with the amounts from the shared formatter and the conditions behind a disclosure', () => {
    const wrapper = mount(OptionsTable, { props: { options: result.options }, global: { plugins: [i18n] } })
    expect(wrapper.findAll('.option-head').map((head) => head.attributes('data-testid'))).toEqual(available.map((option) => `option-${option.id}`))
    expect(wrapper.get('[data-testid="premium-month-baz"]').text()).toMatch(/^€\u00a0[\d.]+,\d\d/)
    const withConditions = available.find((option) => option.conditions?.length)!
    const disclosure = wrapper.get(`[data-testid="conditions-${withConditions.id}"]`)
    expect(disclosure.element.tagName).toBe('DETAILS')
    expect(disclosure.findAll('.conditions li')).toHaveLength(withConditions.conditions!.length)
    expect(disclosure.text()).toContain(withConditions.conditions![0]!.explanation)
  })

  it('reduces an option that is not possible to one line with its reason, without amounts', () => {
    const wrapper = mount(OptionsTable, { props: { options: result.options }, global: { plugins: [i18n] } })
    for (const option of unavailable) {
      const line = wrapper.get(`[data-testid="option-${option.id}"]`)
      expect(line.element.tagName).toBe('LI')
      expect(line.text()).toContain('niet mogelijk')
      expect(line.text()).toContain(option.reasons[0])
      expect(line.text()).not.toContain('€')
    }
  })

  it('shows the client no conditions, no explain buttons, no source codes and (unless asked) no impossible options', () => {
    const withWarning = { ...available[0]!, warnings: ['Verzekeraars keren vaak niet meer uit dan 80–90 % van het inkomen (RADI-2024 vraag 13).'] }
    const options = [withWarning, ...result.options.slice(1)]
    const wrapper = mount(OptionsTable, { props: { options, presentation: true }, global: { plugins: [i18n] } })
    expect(wrapper.find('.conditions').exists()).toBe(false)
    expect(wrapper.find('.explain-links').exists()).toBe(false)
    expect(wrapper.text()).toContain('van het inkomen.')
    expect(wrapper.text()).not.toContain('RADI-2024')
    expect(wrapper.find('.unavailable-list').exists()).toBe(false)
    const all = mount(OptionsTable, { props: { options, presentation: true, showUnavailable: true }, global: { plugins: [i18n] } })
    expect(all.findAll('.unavailable-list li')).toHaveLength(unavailable.length)
  })
})

describe('ExplainTree', () => {
  it('unfolds a figure into its steps with their sources', () => {
    const node = result.explanations[Object.keys(result.explanations)[0]!]!
    const wrapper = mount(ExplainTree, { props: { node }, global: { plugins: [i18n] } })
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
