// A few helpers for building the DOM without a framework.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | ((e: Event) => void) | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** A labelled form field: the label names the input for screen readers and tests. */
export function field(label: string, input: HTMLElement): HTMLLabelElement {
  return h("label", { class: "field" }, h("span", {}, label), input);
}

export function formatPoints(n: bigint | number): string {
  return Number(n).toLocaleString("zh-CN");
}

export function formatTime(seconds: bigint | undefined): string {
  if (seconds === undefined) return "";
  return new Date(Number(seconds) * 1000).toLocaleString("zh-CN", { hour12: false });
}

/** A status line that screen readers announce. */
export function statusLine(): HTMLParagraphElement {
  return h("p", { class: "status", role: "status", "aria-live": "polite" });
}

export function showError(target: HTMLElement, text: string): void {
  target.className = "status error";
  target.textContent = text;
}

export function showOk(target: HTMLElement, text: string): void {
  target.className = "status ok";
  target.textContent = text;
}
