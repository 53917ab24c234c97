// Element Plus's date and month pickers open their panel as a dialog (role=dialog) without a
// name, which a screen reader announces as nothing and axe counts as a serious violation. Each
// panel is given one as Element Plus adds it to the page (once, at its first opening).
const NAME = '选择日期'

function name(root: ParentNode): void {
  root.querySelectorAll?.('.el-picker__popper[role="dialog"]:not([aria-label])').forEach((panel) => {
    panel.setAttribute('aria-label', NAME)
  })
}

export function namePickerPanels(): void {
  new MutationObserver((changes) => {
    for (const change of changes) {
      change.addedNodes.forEach((node) => {
        if (node instanceof Element) {
          if (node.matches('.el-picker__popper[role="dialog"]:not([aria-label])')) node.setAttribute('aria-label', NAME)
          name(node)
        }
      })
    }
  }).observe(document.body, { childList: true, subtree: true })
}
