// The member's own view: balance, today's progress, check-in, ledger, and the notice feed with live notices.
// #/member, or #/member/<id> — which the node refuses unless the caller may read that member (so another member's
// view shows "no permission" and nothing else).
import { h, clear, formatPoints, formatTime, statusLine, showError, showOk } from "../dom.js";
import { api, errorText, newKey } from "../api.js";
import { session } from "../session.js";
import { Activity, LedgerEntryKind, type LedgerEntry } from "../gen/engagement/v1/common_pb.js";
import type { Notice } from "../gen/engagement/v1/notices_pb.js";

const activityText: Record<number, string> = {
  [Activity.CHECK_IN]: "每日签到", [Activity.CHECK_IN_STREAK]: "连续签到奖励", [Activity.QUIZ]: "每日答题",
  [Activity.COURSE_EPISODE]: "课程学习", [Activity.COURSE_COMPLETED]: "完成课程", [Activity.EVENT_ON_SITE]: "现场活动", [Activity.EVENT_REMOTE]: "线上活动",
};
export const kindText: Record<number, string> = {
  [LedgerEntryKind.CHECK_IN]: "每日签到", [LedgerEntryKind.CHECK_IN_STREAK]: "连续签到奖励", [LedgerEntryKind.QUIZ]: "每日答题",
  [LedgerEntryKind.COURSE_EPISODE]: "课程学习", [LedgerEntryKind.COURSE_COMPLETED]: "完成课程", [LedgerEntryKind.EVENT_ON_SITE]: "现场活动",
  [LedgerEntryKind.EVENT_REMOTE]: "线上活动", [LedgerEntryKind.ADJUSTMENT]: "积分调整", [LedgerEntryKind.REDEMPTION]: "兑换商品", [LedgerEntryKind.REFUND]: "兑换退款",
};

export function mountMember(root: HTMLElement, args: string[]): () => void {
  const own = session.scopeOf("member") ?? "";
  const memberId = args[0] || own;
  const isOwn = memberId === own;
  const calls = new AbortController();
  const status = statusLine();
  const figures = h("div", { class: "figures", "aria-label": "积分概览" });
  const progress = h("ul", { class: "progress", "aria-label": "今日进度" });
  const checkIn = h("button", { type: "button" }, "今日签到");
  const checkInStatus = statusLine();
  const ledgerBody = h("tbody", {});
  const more = h("button", { type: "button", class: "secondary", hidden: true }, "加载更多");
  const feed = h("ul", { class: "feed", "aria-label": "通知列表" });
  const unread = h("p", { class: "unread", role: "status", "aria-live": "polite" });
  const markRead = h("button", { type: "button", class: "secondary" }, "全部标为已读");
  let nextPage = "";

  const sections = h("div", {},
    figures,
    h("section", { class: "card", "aria-labelledby": "today-title" }, h("h2", { id: "today-title" }, "今日进度"), progress,
      isOwn ? h("div", { class: "row-form" }, checkIn) : null, checkInStatus),
    h("section", { class: "card", "aria-labelledby": "ledger-title" }, h("h2", { id: "ledger-title" }, "积分明细"),
      h("div", { class: "table-wrap" }, h("table", {},
        h("thead", {}, h("tr", {}, h("th", {}, "时间"), h("th", {}, "类型"), h("th", { class: "num" }, "积分"), h("th", { class: "num" }, "余额"))), ledgerBody)),
      more),
    isOwn ? h("section", { class: "card", "aria-labelledby": "feed-title" }, h("h2", { id: "feed-title" }, "通知"), unread, feed, markRead) : null,
  );
  root.replaceChildren(h("h1", {}, isOwn ? "我的积分" : `党员 ${memberId} 的积分`), status, sections);

  function figure(label: string, value: string): HTMLElement {
    return h("div", { class: "figure" }, h("div", { class: "label" }, label), h("div", { class: "value" }, value));
  }

  async function loadSummary(): Promise<void> {
    const [balance, today] = await Promise.all([
      api.points.getBalance({ memberId }, { signal: calls.signal }),
      api.points.getDailyProgress({ memberId }, { signal: calls.signal }),
    ]);
    clear(figures, figure("积分余额", formatPoints(balance.balance)), figure("可用积分", formatPoints(balance.available)),
      figure("冻结中", formatPoints(balance.held)), figure("今日获得", formatPoints(today.earnedToday)), figure("连续签到", `${today.streakDays} 天`));
    clear(progress, ...today.activities.map((a) =>
      h("li", {}, `${activityText[a.activity] ?? "其他"}：${formatPoints(a.earned)}${a.dailyCap !== undefined ? ` / ${formatPoints(a.dailyCap)}` : ""} 分`)));
  }

  function ledgerRow(e: LedgerEntry): HTMLTableRowElement {
    return h("tr", {}, h("td", {}, formatTime(e.createTime?.seconds)), h("td", {}, kindText[e.kind] ?? "其他"),
      h("td", { class: "num" }, `${e.amount > 0n ? "+" : ""}${formatPoints(e.amount)}`), h("td", { class: "num" }, formatPoints(e.balanceAfter)));
  }

  async function loadLedger(first: boolean): Promise<void> {
    const page = await api.points.listLedger({ memberId, pageSize: 20, pageToken: first ? "" : nextPage }, { signal: calls.signal });
    if (first) ledgerBody.replaceChildren();
    ledgerBody.append(...page.entries.map(ledgerRow));
    if (first && !page.entries.length) ledgerBody.append(h("tr", {}, h("td", { colspan: "4" }, "暂无积分记录")));
    nextPage = page.nextPageToken;
    more.hidden = !nextPage;
  }

  function noticeItem(n: Notice): HTMLLIElement {
    return h("li", { "data-id": n.noticeId, class: n.read ? "" : "unread-item" },
      h("strong", {}, n.title), " ", h("span", { class: "hint" }, formatTime(n.publishTime?.seconds)), h("div", {}, n.body));
  }

  async function loadFeed(): Promise<void> {
    const page = await api.notices.listFeed({ pageSize: 20 }, { signal: calls.signal });
    clear(feed, ...page.notices.map(noticeItem));
    if (!page.notices.length) feed.append(h("li", { class: "empty" }, "暂无通知"));
    unread.textContent = `未读 ${page.unreadCount} 条`;
  }

  async function watchFeed(): Promise<void> {
    // New notices appear at the top as they are published; after a break, the feed is read again and watched anew.
    while (!calls.signal.aborted) {
      try {
        for await (const { notice: n } of api.notices.watchFeed({}, { signal: calls.signal })) {
          if (!n) continue;
          feed.querySelector(".empty")?.remove();
          feed.prepend(noticeItem(n));
          const count = Number(/\d+/.exec(unread.textContent ?? "")?.[0] ?? 0) + 1;
          unread.textContent = `未读 ${count} 条（新通知：${n.title}）`;
        }
      } catch {
        if (calls.signal.aborted) return;
      }
      await new Promise((r) => setTimeout(r, 2_000));
      if (!calls.signal.aborted) await loadFeed().catch(() => undefined);
    }
  }

  checkIn.addEventListener("click", async () => {
    checkIn.disabled = true;
    try {
      const r = await api.points.checkIn({ idempotencyKey: newKey("checkin") });
      if (r.alreadyCheckedIn) showOk(checkInStatus, `今天已签到（${r.day}），连续 ${r.streakDays} 天`);
      else showOk(checkInStatus, `签到成功，获得 ${formatPoints(r.pointsAwarded)} 分，连续 ${r.streakDays} 天`);
      await Promise.all([loadSummary(), loadLedger(true)]);
    } catch (error) {
      showError(checkInStatus, errorText(error));
    } finally {
      checkIn.disabled = false;
    }
  });
  more.addEventListener("click", () => void loadLedger(false).catch((e) => showError(status, errorText(e))));
  markRead.addEventListener("click", async () => {
    const ids = [...feed.querySelectorAll<HTMLElement>("li[data-id]")].map((li) => li.dataset.id!);
    try {
      const r = await api.notices.markNoticesRead({ noticeIds: ids });
      feed.querySelectorAll(".unread-item").forEach((li) => li.classList.remove("unread-item"));
      unread.textContent = `未读 ${r.unreadCount} 条`;
    } catch (error) {
      showError(status, errorText(error));
    }
  });

  Promise.all([loadSummary(), loadLedger(true), isOwn ? loadFeed() : Promise.resolve()])
    .then(() => { if (isOwn) void watchFeed(); })
    .catch((error) => {
      if (calls.signal.aborted) return;
      sections.hidden = true;
      showError(status, isOwn ? errorText(error) : `无法查看党员 ${memberId}：${errorText(error)}`);
    });
  return () => calls.abort();
}
