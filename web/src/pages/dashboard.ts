import { h } from "../dom.js";

export function mountDashboard(root: HTMLElement, _args: string[]): void {
  root.replaceChildren(h("h1", {}, "建设中"));
}
