// The board wall: a live ranking for a park, committee or branch and period, with the committee's branches by points
// per member beside it; rows move when ranks change; full-screen for a projector. #/wall/<scope>/<id>/<period>
import { h, clear, field, formatPoints, showError } from "../dom.js";
import { api } from "../api.js";
import { session } from "../session.js";
import { BoardWatch, type WatchState } from "../live.js";
import { LeaderboardPeriod, LeaderboardScope, type LeaderboardEntry, type WatchLeaderboardResponse } from "../gen/engagement/v1/leaderboards_pb.js";

const scopes = {
  park: { label: "园区", scope: LeaderboardScope.PARK_MEMBERS },
  committee: { label: "党委", scope: LeaderboardScope.COMMITTEE_MEMBERS },
  branch: { label: "支部", scope: LeaderboardScope.BRANCH_MEMBERS },
} as const;
type ScopeName = keyof typeof scopes;

const periods = {
  day: { label: "今日", period: LeaderboardPeriod.DAY },
  week: { label: "本周", period: LeaderboardPeriod.WEEK },
  month: { label: "本月", period: LeaderboardPeriod.MONTH },
  year: { label: "本年", period: LeaderboardPeriod.YEAR },
  all: { label: "总榜", period: LeaderboardPeriod.ALL },
} as const;
type PeriodName = keyof typeof periods;

export function mountWall(root: HTMLElement, args: string[]): () => void {
  const s = session.current()!;
  const [argScope, argId, argPeriod] = args;
  let scopeName: ScopeName = argScope in scopes ? (argScope as ScopeName) : defaultScope();
  let period: PeriodName = argPeriod in periods ? (argPeriod as PeriodName) : "week";
  let scopeId = argId ?? defaultId(scopeName);
  let committeeId = scopeName === "committee" ? scopeId : session.scopeOf("committee-leader") ?? "";

  function defaultScope(): ScopeName {
    if (session.scopeOf("committee-leader")) return "committee";
    if (session.scopeOf("park-admin")) return "park";
    return "branch";
  }
  function defaultId(name: ScopeName): string {
    if (name === "committee") return session.scopeOf("committee-leader") ?? "";
    if (name === "park") return session.scopeOf("park-admin") ?? "";
    return session.scopeOf("secretary") ?? "";
  }

  // Controls.
  const scopeSelect = h("select", { name: "scope" }, ...Object.entries(scopes).map(([k, v]) => h("option", { value: k }, v.label)));
  const idInput = h("input", { name: "scopeId", required: true, autocomplete: "off" });
  const periodSelect = h("select", { name: "period" }, ...Object.entries(periods).map(([k, v]) => h("option", { value: k }, v.label)));
  const committeeInput = h("input", { name: "committeeId", autocomplete: "off", placeholder: "留空则不显示" });
  const fullScreen = h("button", { type: "button", class: "secondary", onclick: () => toggleProjector() }, "全屏");
  const controls = h("form", { class: "controls card" },
    field("范围", scopeSelect), field("编号", idInput), field("周期", periodSelect),
    field("支部排名（党委编号）", committeeInput), h("button", { type: "submit" }, "显示"), fullScreen);
  controls.addEventListener("submit", (e) => {
    e.preventDefault();
    scopeName = scopeSelect.value as ScopeName;
    scopeId = idInput.value.trim();
    period = periodSelect.value as PeriodName;
    committeeId = committeeInput.value.trim() || (scopeName === "committee" ? scopeId : "");
    history.replaceState(null, "", `#/wall/${scopeName}/${encodeURIComponent(scopeId)}/${period}`);
    restart();
  });

  // Boards.
  const connection = h("p", { class: "connection", role: "status", "aria-live": "polite" });
  const title = h("h1", {});
  const periodLine = h("p", { class: "period" });
  const notice = h("p", { class: "notice", role: "status" });
  const memberBoard = new BoardView("member");
  const branchBoard = new BoardView("branch");
  const branchSection = h("section", { class: "panel branches", "aria-labelledby": "branch-title" },
    h("h2", { id: "branch-title" }, "支部排名（人均积分）"), branchBoard.list, branchBoard.empty);
  const memberSection = h("section", { class: "panel members", "aria-labelledby": "member-title" },
    h("h2", { id: "member-title" }, "个人排名"), memberBoard.list, memberBoard.empty);
  const wall = h("div", { class: "wall" }, memberSection, branchSection);
  root.replaceChildren(h("div", { class: "wall-page" }, controls, h("div", { class: "wall-head" }, title, connection), periodLine, notice, wall));

  // Entries carry the names every reader of the board may see (a member's display name, a branch's name), kept
  // current by the board: a rename arrives as an update like any other. The id shows until a board knows the name.
  memberBoard.nameOf = (e) => e.displayName || e.memberId;
  branchBoard.nameOf = (e) => e.branchName || e.branchId;

  let watches: BoardWatch[] = [];
  let states: WatchState[] = [];

  function showState(): void {
    const worst = states.find((x) => x.kind === "failed") ?? states.find((x) => x.kind === "reconnecting") ?? states.find((x) => x.kind === "connecting") ?? states[0];
    const stale = worst?.kind !== "live";
    wall.classList.toggle("stale", stale);
    wall.setAttribute("aria-busy", String(stale && worst?.kind !== "failed"));
    connection.className = `connection ${worst?.kind ?? ""}`;
    switch (worst?.kind) {
      case "live": connection.textContent = "● 实时更新中"; break;
      case "connecting": connection.textContent = "正在连接…"; break;
      case "reconnecting": connection.textContent = `连接中断，正在重新连接（第 ${worst.attempt} 次）… 榜单暂停更新`; break;
      case "failed": showError(connection, worst.text); connection.classList.add("connection"); break;
    }
  }

  function restart(): void {
    watches.forEach((w) => w.stop());
    scopeSelect.value = scopeName;
    idInput.value = scopeId;
    periodSelect.value = period;
    committeeInput.value = committeeId;
    title.textContent = `${scopes[scopeName].label} ${scopeId} · ${periods[period].label}积分榜`;
    memberBoard.reset();
    branchBoard.reset();
    notice.textContent = "";
    branchSection.hidden = !committeeId;
    wall.classList.toggle("single", !committeeId);
    if (!scopeId) {
      states = [];
      connection.textContent = "请填写编号后点击“显示”";
      return;
    }
    const requests: Array<[BoardView, LeaderboardScope, string, number]> = [[memberBoard, scopes[scopeName].scope, scopeId, 10]];
    if (committeeId) {
      requests.push([branchBoard, LeaderboardScope.COMMITTEE_BRANCHES, committeeId, 10]);
    }
    states = requests.map(() => ({ kind: "connecting" }));
    watches = requests.map(([view, scope, id, top], i) =>
      new BoardWatch({ scope, scopeId: id, period: periods[period].period, top },
        (update) => {
          if (view === memberBoard) {
            periodLine.textContent = `周期 ${update.periodKey} · 共 ${update.total} 人上榜`;
            if (update.periodChanged) notice.textContent = `已进入新的周期 ${update.periodKey}`;
          }
          view.show(update);
        },
        (state) => {
          if (view === branchBoard && state.kind === "failed") {
            // The branch ranking is extra: a caller who may not read it still gets the member board.
            branchSection.hidden = true;
            wall.classList.add("single");
            states[i] = { kind: "live" };
          } else {
            states[i] = state;
          }
          showState();
        }).start());
    showState();
  }

  function toggleProjector(on = !document.body.classList.contains("projector")): void {
    document.body.classList.toggle("projector", on);
    fullScreen.textContent = on ? "退出全屏" : "全屏";
    if (on && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => { /* CSS full-screen only */ });
    if (!on && document.fullscreenElement) void document.exitFullscreen();
  }
  const onFullscreen = () => { if (!document.fullscreenElement) toggleProjector(false); };
  const onKey = (e: KeyboardEvent) => { if (e.key === "Escape" && document.body.classList.contains("projector")) toggleProjector(false); };
  document.addEventListener("fullscreenchange", onFullscreen);
  document.addEventListener("keydown", onKey);

  if (!argId && scopeName === "branch" && !scopeId && session.scopeOf("member")) {
    // A member's wall: their own branch and committee, found from their profile.
    api.organization.getMember({ memberId: session.scopeOf("member")! })
      .then((r) => { scopeId = r.member?.branchId ?? ""; committeeId = r.member?.committeeId ?? ""; restart(); })
      .catch(() => restart());
  } else {
    restart();
  }
  void s;

  return () => {
    watches.forEach((w) => w.stop());
    document.removeEventListener("fullscreenchange", onFullscreen);
    document.removeEventListener("keydown", onKey);
    document.body.classList.remove("projector");
  };
}

/** One ranked list whose rows keep their element per member (or branch), so a rank change can be animated. */
class BoardView {
  readonly list: HTMLOListElement;
  readonly empty: HTMLParagraphElement;
  nameOf: (e: LeaderboardEntry) => string = (e) => e.memberId;
  private rows = new Map<string, HTMLLIElement>();
  private ranks = new Map<string, bigint>();
  private scores = new Map<string, bigint>();
  private first = true;

  constructor(private readonly kind: "member" | "branch") {
    this.list = h("ol", { class: `board ${kind}`, "aria-label": kind === "member" ? "个人排名" : "支部排名" });
    this.empty = h("p", { class: "empty" }, "暂无数据");
  }

  reset(): void {
    this.rows.clear();
    this.ranks.clear();
    this.scores.clear();
    this.first = true;
    this.list.replaceChildren();
    this.empty.hidden = false;
  }

  private key(e: LeaderboardEntry): string {
    return this.kind === "member" ? e.memberId : e.branchId;
  }

  show(update: WatchLeaderboardResponse): void {
    if (update.periodChanged) this.reset();
    const before = new Map<string, number>();
    for (const [k, row] of this.rows) before.set(k, row.getBoundingClientRect().top);
    const next = new Map<string, HTMLLIElement>();
    const motion = !this.first && !matchMedia("(prefers-reduced-motion: reduce)").matches;
    for (const e of update.entries) {
      const k = this.key(e);
      const row = this.rows.get(k) ?? h("li", { class: "row", "data-id": k });
      const oldRank = this.ranks.get(k);
      const oldScore = this.scores.get(k);
      const moved = oldRank === undefined ? (this.first ? "" : "new") : e.rank < oldRank ? "up" : e.rank > oldRank ? "down" : "";
      const delta = oldRank === undefined ? "" : e.rank < oldRank ? `▲${oldRank - e.rank}` : e.rank > oldRank ? `▼${e.rank - oldRank}` : "";
      const value = this.kind === "member" ? formatPoints(e.score) : e.pointsPerMember.toFixed(1);
      const detail = this.kind === "member" ? e.memberId : `${e.members} 人 · 共 ${formatPoints(e.score)} 分`;
      clear(row,
        h("span", { class: "rank" }, String(e.rank)),
        h("span", { class: "who" }, h("span", { class: "name" }, this.nameOf(e)), h("span", { class: "id" }, detail)),
        h("span", { class: "score" }, value, h("small", {}, this.kind === "member" ? " 分" : " 分/人")),
        h("span", { class: `change ${moved}`, "aria-label": moved === "up" ? `上升${delta.slice(1)}名` : moved === "down" ? `下降${delta.slice(1)}名` : moved === "new" ? "新上榜" : undefined },
          moved === "new" ? "新" : delta),
      );
      row.classList.toggle("bumped", motion && oldScore !== undefined && oldScore !== e.score);
      next.set(k, row);
      this.ranks.set(k, e.rank);
      this.scores.set(k, e.score);
    }
    this.list.replaceChildren(...next.values());
    this.rows = next;
    this.empty.hidden = update.entries.length > 0;
    if (motion) {
      for (const [k, row] of next) {
        const top = before.get(k);
        const now = row.getBoundingClientRect().top;
        if (top === undefined) row.animate([{ opacity: 0, transform: "translateX(-1rem)" }, { opacity: 1, transform: "none" }], { duration: 400, easing: "ease-out" });
        else if (top !== now) row.animate([{ transform: `translateY(${top - now}px)` }, { transform: "none" }], { duration: 600, easing: "ease-in-out" });
      }
    }
    this.first = false;
  }
}
