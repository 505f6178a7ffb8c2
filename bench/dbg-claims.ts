import { extractNormalizedClaims } from '../packages/judge/src/claims/extract-claims.ts'
import { normalizeSpokenForms } from '../packages/judge/src/internal/normalize-spoken-forms.ts'
for (const s of process.argv.slice(2)) {
  const t = normalizeSpokenForms(s)
  console.log(t, JSON.stringify(extractNormalizedClaims(t).map((c) => [c.type, c.text, c.value, c.start])))
}
