/**
 * Unified Interface DOM markers, as data: when Microsoft renames one, only this object changes.
 * Source: microsoft/EasyRepro `Api.UCI/DTO/AppElementReference.cs` and public Selenium/Playwright
 * locators (research/crm-formats.md §3.3). Field markers hang off the field's logical name:
 * `<field>-FieldSectionItemContainer`, `<field>.fieldControl-…`, header copies prefixed `header_`.
 */
export const SELECTORS = {
  /** The main form; Quick Create flyouts and dialogs render outside it. */
  formRoot: '[data-id="editFormRoot"]',
  /** Header band (title, entity name, header fields) and its expanded flyout. */
  formHeader: '[data-id="form-header"]',
  headerFlyout: '[data-id="headerFieldsFlyout"]',
  /** The record's primary name; its text can end in " - Saved" / " - Unsaved". */
  headerTitle: '[data-id="header_title"]',
  /** Child elements of the title that carry the save state instead of the name. */
  headerTitleStatus: '[data-id*="saveStatus"], [data-id*="SaveStatus"]',
  /** The table's display name ("Account"): localised, so never used as the logical name. */
  entityName: '[data-id="entity_name_span"]',
  /** `ul[data-lp-id="commandbar-Form:<logicalname>"]`: the most reliable logical name on the page. */
  formCommandBar: 'ul[data-lp-id^="commandbar-Form:"]',
  formCommandBarPrefix: "commandbar-Form:",
  /** Control markers `data-lp-id="<ControlType>|<field>.fieldControl|<logicalname>"`. */
  fieldControlLpId: '[data-lp-id*=".fieldControl|"]',

  /** One per field on the form (body, header, business process flow). */
  fieldContainer: '[data-id$="-FieldSectionItemContainer"]',
  fieldContainerSuffix: "-FieldSectionItemContainer",
  headerPrefix: "header_",
  /** Business-process-flow copies of fields (`header_process_<field>`): duplicates, skipped. */
  processPrefix: "header_process_",
  /** `id="id-<form guid>-<n>-<field>-field-label"`: the id is unstable, its ending is not. */
  fieldLabel: 'label[id$="-field-label"]',

  /** Value controls, tried in this order inside a field container. */
  lookupTagText: '[data-id*=".fieldControl-LookupResultsDropdown_"][data-id$="_selected_tag_text"]',
  optionSet: '[data-id$=".fieldControl-option-set-select"]',
  statusReason: '[id$=".fieldControl-pickliststatus-comboBox_text-value"], [data-id$=".fieldControl-pickliststatus-comboBox_text-value"]',
  booleanToggle: 'input[data-id$=".fieldControl-checkbox-toggle"]',
  booleanSelect: 'select[data-id$=".fieldControl-checkbox-select"]',
  booleanRadio: '[data-id$=".fieldControl-checkbox-container"][role="radiogroup"]',
  checked: '[aria-checked="true"]',
  dateInput: 'input[data-id$=".fieldControl-date-time-input"]',
  timeInput: '[data-id*="._timecontrol-datetime-container"] input, input[data-id$=".fieldControl-time-input"]',
  /** Text, memo, number, money, url, email and phone controls all end in one of these. */
  textInput:
    'input[data-id$=".fieldControl-text-box-text"], textarea[data-id$=".fieldControl-text-box-text"], ' +
    'input[data-id$="-text-input"], input[data-id$=".fieldControl-duration-combobox-text"]',
  /** Anything else a field renders (read-only header values are plain divs). */
  anyControl: '[data-id*=".fieldControl"]',

  /** Sub-grids (e.g. quote products): `<name>-pcf_grid_control_container`, ARIA grid inside. */
  subgrid: '[data-id$="-pcf_grid_control_container"]',
  subgridSuffix: "-pcf_grid_control_container",
  gridColumnHeader: '[role="columnheader"]',
  gridRow: '[role="row"]',
  gridCell: '[role="gridcell"]',

  /** Page markers of a Dynamics page on any host (on-premises detection). */
  appScripts: ["/uclient/scripts", "/_static/_common/scripts/pageloader.js", "/_static/_common/scripts/crminternalutility.js"]
} as const
