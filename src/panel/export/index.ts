/** The export feature's entry point for the panel: mount <ExportMenu accountKey send /> in the header. */
export { ExportMenu, type ExportMenuProps } from "./ExportMenu"
