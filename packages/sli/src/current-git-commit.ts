import { execFileSync } from 'node:child_process'

/**
 * The commit under test, for run.json: CI's variable when set (`GITHUB_SHA`, `CI_COMMIT_SHA`,
 * `BUILDKITE_COMMIT`), else `git rev-parse HEAD` in `directory`; null when neither answers.
 */
export function currentGitCommit(directory = process.cwd(), env: NodeJS.ProcessEnv = process.env): string | null {
  const fromCi = env['GITHUB_SHA'] ?? env['CI_COMMIT_SHA'] ?? env['BUILDKITE_COMMIT']
  if (fromCi) return fromCi
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim() || null
  } catch {
    return null
  }
}
