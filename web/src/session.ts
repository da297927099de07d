// Who is signed in: the token and what it grants, kept in sessionStorage (this tab only, gone when it closes).
// Tokens never go into a URL.

export type RoleName = "member" | "secretary" | "committee-leader" | "merchant-staff" | "park-admin";

export interface Grant { role: RoleName; scope: string }

export interface Session { token: string; subject: string; grants: Grant[]; expires: number }

const key = "engagement.console.session";
// Roles the node grants the token's holder (GET /console/me), kept when the token itself carries none (an external
// provider that only signs people in; the platform's officer directory adds their roles).
const rolesKey = "engagement.console.roles";
const listeners = new Set<() => void>();

function decode(token: string, granted?: string[]): Session | null {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
    const roles: string[] = granted ?? (Array.isArray(json.roles) ? json.roles : json.roles ? [json.roles] : []);
    const grants = roles.map((r) => {
      const i = r.indexOf(":");
      return { role: r.slice(0, i) as RoleName, scope: r.slice(i + 1) };
    });
    return { token, subject: String(json.sub ?? ""), grants, expires: Number(json.exp ?? 0) * 1000 };
  } catch {
    return null;
  }
}

export const session = {
  current(): Session | null {
    const token = sessionStorage.getItem(key);
    const granted = sessionStorage.getItem(rolesKey);
    const s = token ? decode(token, granted ? (JSON.parse(granted) as string[]) : undefined) : null;
    if (s && s.expires && s.expires < Date.now()) {
      session.signOut();
      return null;
    }
    return s;
  },
  signIn(token: string, roles?: string[]): Session | null {
    const s = decode(token, roles);
    if (s) {
      sessionStorage.setItem(key, token);
      if (roles) sessionStorage.setItem(rolesKey, JSON.stringify(roles));
      else sessionStorage.removeItem(rolesKey);
      listeners.forEach((l) => l());
    }
    return s;
  },
  signOut(): void {
    sessionStorage.removeItem(key);
    sessionStorage.removeItem(rolesKey);
    listeners.forEach((l) => l());
  },
  scopeOf(role: RoleName): string | undefined {
    return session.current()?.grants.find((g) => g.role === role)?.scope;
  },
  onChange(listener: () => void): void {
    listeners.add(listener);
  },
};

export const roleNames: Record<RoleName, string> = {
  "park-admin": "园区管理员",
  "committee-leader": "党委负责人",
  secretary: "支部书记",
  "merchant-staff": "商户店员",
  member: "党员",
};
