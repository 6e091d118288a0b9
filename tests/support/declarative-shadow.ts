/**
 * DOMParser leaves `<template shadowrootmode>` inert (as the HTML spec says); the browsers' page
 * parsers attach them. Do what the page parser does, nested templates included, so a saved page
 * parsed in a test has the shadow roots it has in the browser.
 */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll("template[shadowrootmode]")) as HTMLTemplateElement[]) {
    const host = template.parentElement
    if (!host) continue
    const shadow = host.attachShadow({ mode: template.getAttribute("shadowrootmode") === "closed" ? "closed" : "open" })
    shadow.append(template.content)
    template.remove()
    attachDeclarativeShadowRoots(shadow)
  }
}
