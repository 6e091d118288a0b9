/**
 * A small stand-in for the Dynamics Client API (`xrm-mock` is not a dependency), enough for the
 * bridge tests: page context, global context, `Xrm.Page.data.entity` with typed attributes,
 * change and post-save events, and in-app navigation to another record.
 */

export interface FakeAttributeInit {
  name: string
  type: "string" | "memo" | "money" | "decimal" | "double" | "integer" | "boolean" | "datetime" | "optionset" | "multiselectoptionset" | "lookup"
  value: unknown
  /** Option labels for option sets. */
  options?: Record<number, string>
}

export interface FakeRecord {
  entityName: string
  /** Braced and upper case, as Xrm returns ids; null for a new-record form. */
  entityId: string | null
  attributes: FakeAttributeInit[]
}

type Handler = (context: unknown) => void

class FakeAttribute {
  private handlers: Handler[] = []
  constructor(private init: FakeAttributeInit) {}
  getName = () => this.init.name
  getAttributeType = () => this.init.type
  getValue = () => this.init.value
  getText = () => {
    const options = this.init.options ?? {}
    const v = this.init.value
    if (Array.isArray(v)) return v.map((x) => options[x as number] ?? "")
    return v == null ? null : (options[v as number] ?? null)
  }
  setValue = (value: unknown) => {
    this.init.value = value
  }
  addOnChange = (h: Handler) => void this.handlers.push(h)
  removeOnChange = (h: Handler) => void (this.handlers = this.handlers.filter((x) => x !== h))
  fireOnChange = () => this.handlers.forEach((h) => h({ getEventSource: () => this }))
  get handlerCount() {
    return this.handlers.length
  }
}

export function createFakeXrm(record: FakeRecord, global = { clientUrl: "https://northwind.crm4.dynamics.com", version: "9.2.25011.00171" }) {
  let current = record
  let attributes = record.attributes.map((a) => new FakeAttribute(a))
  let postSave: Handler[] = []
  let formReady = true
  const entity = {
    getEntityName: () => (formReady ? current.entityName : ""),
    getId: () => (formReady ? (current.entityId ?? "") : ""),
    attributes: { get: () => attributes, forEach: (f: (a: FakeAttribute) => void) => attributes.forEach(f) },
    addOnPostSave: (h: Handler) => void postSave.push(h),
    removeOnPostSave: (h: Handler) => void (postSave = postSave.filter((x) => x !== h))
  }
  const Xrm = {
    Utility: {
      getPageContext: () => ({ input: { pageType: "entityrecord", entityName: current.entityName, entityId: current.entityId ?? undefined } }),
      getGlobalContext: () => ({ getClientUrl: () => global.clientUrl, getVersion: () => global.version })
    },
    Page: {
      data: { entity },
      getAttribute: (name?: string) => (name === undefined ? attributes : (attributes.find((a) => a.getName() === name) ?? null))
    }
  }
  return {
    Xrm,
    attribute: (name: string) => attributes.find((a) => a.getName() === name)!,
    /** What a user edit does: new value, then the form's OnChange handlers. */
    userEdit(name: string, value: unknown) {
      const attr = attributes.find((a) => a.getName() === name)!
      attr.setValue(value)
      attr.fireOnChange()
    },
    save: () => postSave.forEach((h) => h({})),
    /** In-app navigation: the page context switches first, the form loads a moment later. */
    navigate(next: FakeRecord) {
      current = next
      formReady = false
      attributes = next.attributes.map((a) => new FakeAttribute(a))
      postSave = []
    },
    finishLoading: () => void (formReady = true),
    get postSaveCount() {
      return postSave.length
    }
  }
}
