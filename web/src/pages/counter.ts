import { h } from "../dom.js";

export function mountCounter(root: HTMLElement, _args: string[]): void {
  root.replaceChildren(h("h1", {}, "建设中"));
}
