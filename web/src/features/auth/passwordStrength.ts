import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import { translations } from '@zxcvbn-ts/language-en'

// Loaded on demand (the dictionaries are large), only by the sign-up and password pages.
// The common-password and keyboard lists catch most weak passwords; the English word lists would
// triple the download for a small gain, and the server checks common passwords again anyway.
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary },
  graphs: common.adjacencyGraphs,
  translations,
})

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4
  warning: string | null
  suggestions: string[]
}

export function measure(password: string, userInputs: string[]): Strength {
  const result = zxcvbn.check(password, userInputs)
  return {
    score: result.score,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  }
}
