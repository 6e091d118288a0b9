/**
 * Every Salesforce page selector Parley uses, as data (refined-github style): when a Salesforce
 * release changes its markup, this is the one file to edit. Sources: research/crm-formats.md §1.3
 * and §1.4 (Selenium XPaths, CumulusCI locators, Salesforce Inspector Reloaded, a DevTools capture).
 */
export const SALESFORCE_SELECTORS = {
  /** The record page Lightning shows. It keeps earlier pages in the DOM without `active`; the
   * console layout marks the focused subtab `windowViewMode-maximized active lafPageHost`. */
  activePage: ".oneContent.active, .windowViewMode-normal.active.lafPageHost, .windowViewMode-maximized.active.lafPageHost",
  /** Any Lightning page host: when some exist but none is active, Lightning is mid-navigation. */
  anyPage: ".oneContent, .lafPageHost",

  /** The field API name, `sfdc:RecordField.<Object>.<Field>`, on the item of every layout
   * generation: records-record-layout-item, force-record-layout-item, Dynamic Forms'
   * record_flexipage-record-field (Salesforce Inspector's "show API names" keys on it too). */
  field: '[data-target-selection-name^="sfdc:RecordField."]',
  fieldAttribute: "data-target-selection-name",
  /** The label in every generation (localised: never a key). `dt` in the dl/dd variant. */
  fieldLabel: ".test-id__field-label",
  fieldLabelFallback: "dt, .slds-form-element__label",
  /** The element holding the shown value. */
  fieldValue: '.test-id__field-value, [slot="outputField"], [data-output-element-id="output-field"], dd',
  /** Typed renderers: their text is the value as formatted for the user's locale. Aura-era
   * `ui*` spans appear in force-record-layout-* pages. */
  typedValue: [
    "lightning-formatted-text",
    "lightning-formatted-number",
    "lightning-formatted-date-time",
    "lightning-formatted-phone",
    "lightning-formatted-email",
    "lightning-formatted-url",
    "lightning-formatted-name",
    "lightning-formatted-address",
    "lightning-formatted-rich-text",
    "lightning-formatted-location",
    "records-formula-output",
    "sfa-output-forecast-category",
    ".uiOutputText",
    ".uiOutputNumber",
    ".uiOutputCurrency",
    ".uiOutputDateTime",
    ".uiOutputDate",
    ".uiOutputPhone",
    ".uiOutputEmail",
    ".uiOutputURL",
    ".uiOutputTextArea"
  ].join(", "),
  /** Multi-line renderers: their lines are joined with ", ". */
  addressLines: "lightning-formatted-address .slds-truncate, lightning-formatted-address div",
  /** A lookup: the href (or the Aura `data-recordid`) holds the related record's id. */
  lookupLink: "force-lookup a[href], records-hoverable-link a[href], force-hoverable-link a[href], a.forceOutputLookup, a[data-recordid]",
  /** Checkbox fields render a disabled checkbox (LWC) or a check image (Aura, Classic). */
  checkbox: 'input[type="checkbox"]',
  checkImage: "img.checkImg, img[alt='Checked'], img[alt='Not Checked']",
  /** A field in inline-edit or /edit mode: the typed value is the control's value. */
  editControl: "input:not([type='checkbox']):not([type='hidden']), textarea",
  /** Never part of a value: edit pencils, assistive text, help icons. */
  notText: "button, script, style, template, .slds-assistive-text, .assistiveText, lightning-helptext, lightning-primitive-icon",

  /** Highlights (compact layout) items: label and value, no API name (CumulusCI locators_54/56). */
  highlightsItem: "records-highlights-details-item, force-highlights-details-item",
  highlightsLabel: ".slds-text-title, p[title]",
  highlightsValue: ".fieldComponent, p:last-child",

  /** The record title in the highlights panel, newest markup first. */
  title: [
    "records-lwc-highlights-panel .slds-page-header__title lightning-formatted-text",
    "records-lwc-highlights-panel .slds-page-header__title lightning-formatted-name",
    'h1 slot[name="primaryField"]',
    "records-highlights2 .slds-page-header__title",
    "force-highlights2 .slds-page-header__title",
    "h1.slds-page-header__title"
  ].join(", "),

  /** Related-list headers and "View All" links name the parent record:
   * `/lightning/r/<Object>/<Id>/related/<Relationship>/view`. */
  relatedListLink: 'a[href*="/related/"]',

  /** Salesforce Classic (§1.4). */
  classicTitle: "h2.pageDescription",
  classicDetailRow: "table.detailList td.labelCol",
  classicValueInner: 'div[id$="_ileinner"]',
  /** The Edit button's onclick is `navigateToUrl('/<id>/e?retURL=…')`. */
  classicEditButton: 'input[name="edit"]',
  classicLink: "a[href]"
} as const

/** Classic standard-field element ids whose API name is certain (from URL-hack parameters);
 * other fields are keyed by their element id (`00N…` for custom fields). */
export const CLASSIC_FIELD_IDS: Readonly<Record<string, string>> = {
  acc2: "Name",
  opp3: "Name",
  opp4: "AccountId",
  opp7: "Amount",
  opp9: "CloseDate",
  opp11: "StageName"
}
