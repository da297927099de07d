// The console: a header, and one page at a time chosen by the URL's hash (#/wall, #/counter, #/dashboard, #/member).
import "./style.css";
import { h, clear } from "./dom.js";
import { session, roleNames, type RoleName } from "./session.js";
import { mountSignIn } from "./pages/signin.js";
import { completeSignIn } from "./oidc.js";
import { mountWall } from "./pages/wall.js";
import { mountCounter } from "./pages/counter.js";
import { mountMember } from "./pages/member.js";
import { mountDashboard } from "./pages/dashboard.js";

type Mount = (root: HTMLElement, args: string[]) => (() => void) | void;

interface Page { title: string; roles: RoleName[]; mount: Mount }

const pages: Record<string, Page> = {
  wall: { title: "积分榜大屏", roles: ["park-admin", "committee-leader", "secretary", "member"], mount: mountWall },
  counter: { title: "商户核销台", roles: ["merchant-staff"], mount: mountCounter },
  dashboard: { title: "数据看板", roles: ["secretary", "committee-leader", "park-admin"], mount: mountDashboard },
  member: { title: "我的积分", roles: ["member"], mount: mountMember },
};

const app = document.getElementById("app")!;
const nav = h("nav", { "aria-label": "主导航" });
const who = h("span", { class: "who" });
const main = h("main", { id: "main", tabindex: "-1" });
let unmount: (() => void) | void;

function renderHeader(): void {
  const s = session.current();
  clear(nav);
  clear(who);
  if (!s) return;
  const roles = new Set(s.grants.map((g) => g.role));
  for (const [id, page] of Object.entries(pages)) {
    if (page.roles.some((r) => roles.has(r))) nav.append(h("a", { href: `#/${id}` }, page.title));
  }
  who.append(
    `${s.subject}（${s.grants.map((g) => `${roleNames[g.role] ?? g.role} ${g.scope}`).join("，")}）`,
    h("button", { type: "button", class: "link", onclick: () => { session.signOut(); location.hash = "#/signin"; } }, "退出"),
  );
}

function route(): void {
  unmount?.();
  unmount = undefined;
  renderHeader();
  const [name = "", ...args] = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const s = session.current();
  if (!s || name === "signin") {
    document.title = "登录 · 积分平台控制台";
    unmount = mountSignIn(main, () => { location.hash = `#/${home()}`; route(); });
    return;
  }
  const page = pages[name] ?? pages[home()];
  for (const link of nav.querySelectorAll("a")) {
    link.toggleAttribute("aria-current", link.getAttribute("href") === `#/${name}`);
    if (link.hasAttribute("aria-current")) link.setAttribute("aria-current", "page");
  }
  document.title = `${page.title} · 积分平台控制台`;
  main.replaceChildren();
  unmount = page.mount(main, args);
}

function home(): string {
  const roles = new Set(session.current()?.grants.map((g) => g.role) ?? []);
  if (roles.has("merchant-staff")) return "counter";
  if (roles.has("committee-leader") || roles.has("park-admin") || roles.has("secretary")) return "wall";
  return "member";
}

clear(app,
  h("a", { class: "skip", href: "#main", onclick: (e) => { e.preventDefault(); main.focus(); } }, "跳到主要内容"),
  h("header", { class: "top" }, h("strong", { class: "brand" }, "积分平台"), nav, who),
  main,
);
window.addEventListener("hashchange", route);
// Back from an external provider's sign-in page: finish it first (the code leaves the address bar), then route.
completeSignIn().then((problem) => {
  route();
  if (problem) main.prepend(h("p", { class: "error", role: "alert" }, problem));
});
