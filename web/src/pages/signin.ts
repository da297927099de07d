// Sign-in. In development auth mode the node mints a token for a chosen role (POST /console/dev-token); with an
// external identity provider the console sends the user to the provider's sign-in page (authorization code with PKCE,
// oidc.ts) when the node names the console's client id, and otherwise says whom to ask (docs/web-console.md).
import { h, field, statusLine, showError } from "../dom.js";
import { session, roleNames, type RoleName } from "../session.js";
import { startSignIn } from "../oidc.js";

interface AuthConfig { mode: string; authority?: string | null; clientId?: string | null; scope?: string }

export function mountSignIn(root: HTMLElement, done: () => void): void {
  const status = statusLine();
  root.replaceChildren(h("h1", {}, "登录"), status);
  fetch("/console/auth-config", { cache: "no-store" })
    .then((r) => (r.ok ? (r.json() as Promise<AuthConfig>) : Promise.reject(new Error(String(r.status)))))
    .then((config) => {
      if (config.mode === "development") root.append(developmentForm(done, status));
      else if (config.authority && config.clientId) root.append(externalForm(config.authority, config.clientId, config.scope ?? "openid profile", status));
      else root.append(h("p", {}, "本节点使用外部身份提供方登录，但尚未为控制台配置客户端编号，请联系管理员（开发令牌在此模式下不可用）。"));
    })
    .catch(() => showError(status, "无法连接服务器，请稍后重试"));
}

function externalForm(authority: string, clientId: string, scope: string, status: HTMLElement): HTMLElement {
  const go = h("button", { type: "button" }, "通过统一身份认证登录");
  go.addEventListener("click", async () => {
    go.disabled = true;
    try {
      await startSignIn({ authority, clientId, scope });
    } catch {
      showError(status, "无法连接身份认证服务，请稍后重试");
      go.disabled = false;
    }
  });
  return h("div", { class: "card signin" }, h("p", {}, "请使用单位统一身份认证账号登录。"), go);
}

function developmentForm(done: () => void, status: HTMLElement): HTMLFormElement {
  const role = h("select", { name: "role" },
    ...(Object.keys(roleNames) as RoleName[]).map((r) => h("option", { value: r }, roleNames[r])));
  const scope = h("input", { name: "scope", required: true, autocomplete: "off", placeholder: "如 zj-ic（党委）、m1（党员）" });
  const subject = h("input", { name: "subject", autocomplete: "off", placeholder: "留空则与编号相同" });
  const hint = h("p", { class: "hint", id: "scope-hint" });
  const hints: Record<RoleName, string> = {
    "park-admin": "填写园区编号",
    "committee-leader": "填写党委编号",
    secretary: "填写支部编号",
    "merchant-staff": "填写商户编号",
    member: "填写党员编号",
  };
  const updateHint = () => { hint.textContent = hints[role.value as RoleName]; };
  role.addEventListener("change", updateHint);
  updateHint();
  scope.setAttribute("aria-describedby", "scope-hint");
  const submit = h("button", { type: "submit" }, "登录");
  const form = h("form", { class: "card signin" },
    h("p", {}, "开发模式：选择角色，节点为您签发一个开发令牌（仅保存在本标签页）。"),
    field("角色", role), field("编号", scope), hint, field("用户标识（可选）", subject), submit);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    submit.disabled = true;
    try {
      const r = await fetch("/console/dev-token", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role: role.value, scope: scope.value.trim(), subject: subject.value.trim() }),
      });
      if (!r.ok) {
        showError(status, r.status === 400 ? "输入有误，请检查角色和编号" : `登录失败（${r.status}）`);
        return;
      }
      const { token } = (await r.json()) as { token: string };
      session.signIn(token);
      done();
    } catch {
      showError(status, "无法连接服务器，请稍后重试");
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
