import { App } from "./panel/App"
import "./panel/panel.css"

/** Plasmo entry: becomes sidepanel.html (and the `sidePanel` permission). */
export default function SidePanel() {
  return <App />
}
