/**
 * A validation message as a full sentence that names the field in the adviser's words: the shared
 * schema says "mag niet leeg zijn"; the screen says "Naam mag niet leeg zijn." A message that is
 * already a sentence (starts with a capital) is shown as it is.
 */
export function sentence(label: string, message: string): string {
  const text = message.trim()
  if (text === '' || /^[A-ZÀ-Þ]/.test(text)) return text
  const end = /[.!?]$/.test(text) ? '' : '.'
  return `${label} ${text}${end}`
}
