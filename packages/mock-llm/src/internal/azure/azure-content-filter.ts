const safe = () => ({ filtered: false, severity: 'safe' })

/** Azure's `choices[].content_filter_results` for an answer that passed every filter. */
export function choiceFilterResults(): object {
  return { hate: safe(), self_harm: safe(), sexual: safe(), violence: safe() }
}

/** Azure's `prompt_filter_results` for a prompt that passed every filter. */
export function promptFilterResults(): object[] {
  return [{ prompt_index: 0, content_filter_results: { hate: safe(), jailbreak: { filtered: false, detected: false }, self_harm: safe(), sexual: safe(), violence: safe() } }]
}

/**
 * The body of Azure's HTTP 400 for a prompt its content filter blocked (the `violence`
 * category at `medium`), as the service sends it.
 */
export function contentFilterErrorBody(): object {
  return {
    error: {
      message:
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
      type: null,
      param: 'prompt',
      code: 'content_filter',
      status: 400,
      innererror: {
        code: 'ResponsibleAIPolicyViolation',
        content_filter_result: {
          hate: safe(),
          jailbreak: { filtered: false, detected: false },
          self_harm: safe(),
          sexual: safe(),
          violence: { filtered: true, severity: 'medium' },
        },
      },
    },
  }
}
