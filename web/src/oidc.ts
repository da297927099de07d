// Sign-in through an external OpenID Connect provider: authorization code with PKCE for a public client (no secret in
// the browser). The provider sends the browser back to the console's root with a one-time code, which is exchanged
// for the access token at once and removed from the address bar; the token itself never appears in a URL.
import { session } from "./session.js";

export interface ExternalAuth { authority: string; clientId: string; scope: string }

interface Discovery { authorization_endpoint: string; token_endpoint: string }

const pendingKey = "engagement.console.oidc";

function base64Url(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomText(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(authority: string): Promise<Discovery> {
  const r = await fetch(`${authority.replace(/\/$/, "")}/.well-known/openid-configuration`, { cache: "no-store" });
  if (!r.ok) throw new Error(`discovery ${r.status}`);
  return (await r.json()) as Discovery;
}

function redirectUri(): string {
  return `${location.origin}/`;
}

/** Sends the browser to the provider's sign-in page. */
export async function startSignIn(auth: ExternalAuth): Promise<void> {
  const discovery = await discover(auth.authority);
  const verifier = randomText();
  const state = randomText();
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, tokenEndpoint: discovery.token_endpoint, clientId: auth.clientId, back: location.hash }));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: auth.clientId,
    redirect_uri: redirectUri(),
    scope: auth.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  location.assign(url.toString());
}

/**
 * On the way back from the provider: exchanges the code for a token and signs in with the roles the node grants
 * (GET /console/me). Returns an error text for the user, or null when there was nothing to complete or it worked.
 */
export async function completeSignIn(): Promise<string | null> {
  const query = new URLSearchParams(location.search);
  const code = query.get("code");
  const error = query.get("error");
  if (!code && !error) return null;
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? "null") as
    { verifier: string; state: string; tokenEndpoint: string; clientId: string; back: string } | null;
  sessionStorage.removeItem(pendingKey);
  history.replaceState(null, "", `${location.pathname}${pending?.back ?? ""}`); // the code leaves the address bar
  if (error) return "身份认证未完成，请重新登录";
  if (!pending || query.get("state") !== pending.state) return "登录请求已失效，请重新登录";
  try {
    const r = await fetch(pending.tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: code!,
        redirect_uri: redirectUri(),
        client_id: pending.clientId,
        code_verifier: pending.verifier,
      }).toString(),
    });
    if (!r.ok) return "身份认证失败，请重新登录";
    const { access_token: token } = (await r.json()) as { access_token: string };
    const me = await fetch("/console/me", { headers: { authorization: `Bearer ${token}` }, cache: "no-store" });
    if (!me.ok) return me.status === 401 ? "本平台不接受该身份令牌，请联系管理员" : "无法连接服务器，请稍后重试";
    const { roles } = (await me.json()) as { roles: string[] };
    if (roles.length === 0) return "您的账号尚未在本平台分配角色，请联系园区管理员";
    session.signIn(token, roles);
    return null;
  } catch {
    return "无法连接服务器，请稍后重试";
  }
}
