/**
 * Unified Interface DOM markers, as data: when Microsoft renames one, only this file changes.
 * Source: microsoft/EasyRepro `Api.UCI/DTO/AppElementReference.cs` and public Selenium/Playwright
 * locators (research/crm-formats.md §3.3). Field markers hang off the field's logical name:
 * `<field>-FieldSectionItemContainer`, `<field>.fieldControl-…`, header copies prefixed `header_`.
 *
 * One export per marker rather than one object: the bundler mangles binding names but never
 * property names, which kept ~0.6 KiB of keys in the every-page content script (15 KiB budget).
 */

/** The main form; Quick Create flyouts and dialogs render outside it. */
export const formRoot = '[data-id="editFormRoot"]'
/** Header band (title, entity name, header fields) and its expanded flyout. */
export const formHeader = '[data-id="form-header"]'
export const headerFlyout = '[data-id="headerFieldsFlyout"]'
/** The record's primary name; its text can end in " - Saved" / " - Unsaved". */
export const headerTitle = '[data-id="header_title"]'
/** Child elements of the title that carry the save state instead of the name. */
export const headerTitleStatus = '[data-id*="saveStatus"], [data-id*="SaveStatus"]'
/** The table's display name ("Account"): localised, so never used as the logical name. */
export const entityName = '[data-id="entity_name_span"]'
/** `ul[data-lp-id="commandbar-Form:<logicalname>"]`: the most reliable logical name on the page. */
export const formCommandBar = 'ul[data-lp-id^="commandbar-Form:"]'
export const formCommandBarPrefix = "commandbar-Form:"
/** Control markers `data-lp-id="<ControlType>|<field>.fieldControl|<logicalname>"`. */
export const fieldControlLpId = '[data-lp-id*=".fieldControl|"]'

/** One per field on the form (body, header, business process flow). */
export const fieldContainer = '[data-id$="-FieldSectionItemContainer"]'
export const fieldContainerSuffix = "-FieldSectionItemContainer"
export const headerPrefix = "header_"
/** Business-process-flow copies of fields (`header_process_<field>`): duplicates, skipped. */
export const processPrefix = "header_process_"
/** `id="id-<form guid>-<n>-<field>-field-label"`: the id is unstable, its ending is not. */
export const fieldLabel = 'label[id$="-field-label"]'

/** Value controls, tried in this order inside a field container. */
export const lookupTagText = '[data-id*=".fieldControl-LookupResultsDropdown_"][data-id$="_selected_tag_text"]'
export const optionSet = '[data-id$=".fieldControl-option-set-select"]'
export const statusReason = '[id$=".fieldControl-pickliststatus-comboBox_text-value"], [data-id$=".fieldControl-pickliststatus-comboBox_text-value"]'
export const booleanToggle = 'input[data-id$=".fieldControl-checkbox-toggle"]'
export const booleanSelect = 'select[data-id$=".fieldControl-checkbox-select"]'
export const booleanRadio = '[data-id$=".fieldControl-checkbox-container"][role="radiogroup"]'
export const checked = '[aria-checked="true"]'
export const dateInput = 'input[data-id$=".fieldControl-date-time-input"]'
export const timeInput = '[data-id*="._timecontrol-datetime-container"] input, input[data-id$=".fieldControl-time-input"]'
/** Text, memo, number, money, url, email and phone controls all end in one of these. */
export const textInput =
  'input[data-id$=".fieldControl-text-box-text"], textarea[data-id$=".fieldControl-text-box-text"], ' +
  'input[data-id$="-text-input"], input[data-id$=".fieldControl-duration-combobox-text"]'
/** Anything else a field renders (read-only header values are plain divs). */
export const anyControl = '[data-id*=".fieldControl"]'

/** Sub-grids (e.g. quote products): `<name>-pcf_grid_control_container`, ARIA grid inside. */
export const subgrid = '[data-id$="-pcf_grid_control_container"]'
export const subgridSuffix = "-pcf_grid_control_container"
export const gridColumnHeader = '[role="columnheader"]'
export const gridRow = '[role="row"]'
export const gridCell = '[role="gridcell"]'

/** Page markers of a Dynamics page on any host (on-premises detection). */
export const appScripts = ["/uclient/scripts", "/_static/_common/scripts/pageloader.js", "/_static/_common/scripts/crminternalutility.js"] as const
