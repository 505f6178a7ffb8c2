const HANDOFF_TOOL = /hand_?off|transfer/iu

/** True for a tool that hands the call to a person (`handoff_to_human`, `transfer_call`): the AI stops answering. */
export function isHandoffTool(name: string | undefined): boolean {
  return name !== undefined && HANDOFF_TOOL.test(name)
}
