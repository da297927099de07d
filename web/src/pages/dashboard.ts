// The secretary's (or committee leader's) dashboard: the analytics of a branch or committee as charts (Chart.js) with
// their numbers in tables, the roster (paged, by status and name) and the members to reach out to (inactive 7+ days),
// both with verify / deactivate, a notice to send, and the CSV downloads. #/dashboard/<branch|committee>/<id>
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { h, clear, field, formatPoints, statusLine, showError, showOk } from "../dom.js";
import { api, errorText, newKey, downloadCsv } from "../api.js";
import { session } from "../session.js";
import { kindText } from "./member.js";
import type { ActivityAnalytics, BranchComparison } from "../gen/engagement/v1/analytics_pb.js";
import { MemberStatus } from "../gen/engagement/v1/organization_pb.js";
import { NoticeAudience } from "../gen/engagement/v1/notices_pb.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = "#1d1d1f";

type Scope = "branch" | "committee";

export function mountDashboard(root: HTMLElement, args: string[]): () => void {
  let scope: Scope = args[0] === "committee" || args[0] === "branch" ? args[0] : session.scopeOf("secretary") ? "branch" : "committee";
  let scopeId = args[1] ?? (scope === "branch" ? session.scopeOf("secretary") : session.scopeOf("committee-leader")) ?? "";
  const charts: Chart[] = [];
  const calls = new AbortController();

  const scopeSelect = h("select", { name: "scope" }, h("option", { value: "branch" }, "支部"), h("option", { value: "committee" }, "党委"));
  const idInput = h("input", { name: "scopeId", required: true, autocomplete: "off" });
  const from = h("input", { type: "date", name: "from" });
  const to = h("input", { type: "date", name: "to" });
  const controls = h("form", { class: "controls card" }, field("范围", scopeSelect), field("编号", idInput), field("开始日期", from), field("结束日期", to), h("button", { type: "submit" }, "显示"));
  const status = statusLine();
  const body = h("div", {});
  root.replaceChildren(h("h1", {}, "数据看板"), controls, status, body);

  controls.addEventListener("submit", (e) => {
    e.preventDefault();
    scope = scopeSelect.value as Scope;
    scopeId = idInput.value.trim();
    history.replaceState(null, "", `#/dashboard/${scope}/${encodeURIComponent(scopeId)}`);
    void load();
  });

  function figure(label: string, value: string): HTMLElement {
    return h("div", { class: "figure" }, h("div", { class: "label" }, label), h("div", { class: "value" }, value));
  }

  /** A chart with its numbers in a table beside it (for screen readers, and to read exact values). */
  function chartCard(id: string, title: string, config: ChartConfiguration, headers: string[], rows: Array<Array<string | number>>): HTMLElement {
    const canvas = h("canvas", { id, role: "img", "aria-label": `${title}（图表，数据见下表）` });
    const card = h("section", { class: "card", "aria-labelledby": `${id}-title` },
      h("h2", { id: `${id}-title` }, title), h("div", { class: "chart-box" }, canvas),
      h("details", { class: "data" }, h("summary", {}, "查看数据表"), h("div", { class: "table-wrap" }, h("table", { "aria-label": `${title}数据` },
        h("thead", {}, h("tr", {}, ...headers.map((x, i) => h("th", { class: i ? "num" : "" }, x)))),
        h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c, i) => h("td", { class: i ? "num" : "" }, String(c))))))))));
    queueMicrotask(() => {
      const chart = new Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
      (canvas as unknown as { chart: Chart }).chart = chart;
      charts.push(chart);
    });
    return card;
  }

  function render(a: ActivityAnalytics, branches: BranchComparison[]): void {
    charts.splice(0).forEach((c) => c.destroy());
    const days = a.trend.map((d) => d.day);
    const parts = a.participation;
    clear(body,
      h("p", { class: "period" }, `${scope === "branch" ? "支部" : "党委"} ${a.scopeId} · ${a.fromDay} 至 ${a.toDay}（${a.days} 天）`),
      h("div", { class: "figures", "aria-label": "概览" },
        figure("党员数", String(a.members)), figure("活跃人数", String(a.activeMembers)), figure("活跃率", `${(a.activeRatio * 100).toFixed(1)}%`),
        figure("人均积分", a.pointsPerMember.toFixed(1)), figure("日均活跃", a.averageDailyActive.toFixed(1)), figure("获得积分", formatPoints(a.pointsEarned))),
      h("div", { class: "charts" },
        chartCard("trend", "每日趋势", {
          type: "line",
          data: { labels: days, datasets: [
            { label: "活跃人数", data: a.trend.map((d) => d.activeMembers), borderColor: "#b3121b", backgroundColor: "#b3121b", yAxisID: "y" },
            { label: "获得积分", data: a.trend.map((d) => Number(d.pointsEarned)), borderColor: "#1a57c9", backgroundColor: "#1a57c9", yAxisID: "y1" },
          ] },
          options: { scales: { y: { beginAtZero: true, position: "left" }, y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false } } } },
        }, ["日期", "活跃人数", "获得积分"], a.trend.map((d) => [d.day, d.activeMembers, Number(d.pointsEarned)])),
        chartCard("participation", "各项活动参与", {
          type: "bar",
          data: { labels: parts.map((p) => kindText[p.kind] ?? "其他"), datasets: [
            { label: "参与人数", data: parts.map((p) => p.members), backgroundColor: "#b3121b" },
            { label: "获得积分", data: parts.map((p) => Number(p.points)), backgroundColor: "#1a57c9" },
          ] },
        }, ["活动", "参与人数", "次数", "获得积分"], parts.map((p) => [kindText[p.kind] ?? "其他", p.members, Number(p.entries), Number(p.points)])),
        branches.length ? chartCard("branches", "支部对比（人均积分）", {
          type: "bar",
          data: { labels: branches.map((b) => b.name || b.branchId), datasets: [
            { label: "人均积分", data: branches.map((b) => b.pointsPerMember), backgroundColor: "#b3121b" },
            { label: "活跃率 %", data: branches.map((b) => Math.round(b.activeRatio * 1000) / 10), backgroundColor: "#1a57c9", yAxisID: "y1" },
          ] },
          options: { scales: { y: { beginAtZero: true, position: "left" }, y1: { beginAtZero: true, max: 100, position: "right", grid: { drawOnChartArea: false } } } },
        }, ["支部", "人均积分", "活跃率 %", "党员数", "获得积分"], branches.map((b) => [b.name || b.branchId, b.pointsPerMember, Math.round(b.activeRatio * 1000) / 10, b.members, Number(b.pointsEarned)])) : null,
      ),
      downloads(),
      roster(),
      scope === "branch" ? outreach() : null,
      noticeForm(),
    );
  }

  function downloads(): HTMLElement {
    const s = statusLine();
    const base = `/v1/analytics/${scope === "branch" ? "branches" : "committees"}/${encodeURIComponent(scopeId)}`;
    const query = from.value && to.value ? `?fromDay=${from.value}&toDay=${to.value}` : "";
    const files: Array<[string, string]> = [["days", "每日数据 CSV"], ["members", "党员数据 CSV"], ...(scope === "committee" ? [["branches", "支部对比 CSV"] as [string, string]] : [])];
    return h("section", { class: "card", "aria-labelledby": "csv-title" }, h("h2", { id: "csv-title" }, "下载"),
      h("div", { class: "row-form" }, ...files.map(([name, label]) => h("button", { type: "button", class: "secondary", onclick: () => {
        downloadCsv(`${base}/${name}.csv${query}`, `${scope}-${scopeId}-${name}.csv`).then(() => showOk(s, "已下载")).catch((e: Error) => showError(s, e.message));
      } }, label))), s);
  }

  /** The roster of the branch or committee (ListMembers), 20 a page, filtered by status and the start of the name. */
  function roster(): HTMLElement {
    const s = statusLine();
    const statusText: Record<number, string> = { [MemberStatus.UNVERIFIED]: "未认证", [MemberStatus.ACTIVE]: "已认证", [MemberStatus.DEACTIVATED]: "已停用" };
    const statusFilter = h("select", { name: "rosterStatus" }, h("option", { value: String(MemberStatus.UNSPECIFIED) }, "全部"),
      ...[MemberStatus.UNVERIFIED, MemberStatus.ACTIVE, MemberStatus.DEACTIVATED].map((v) => h("option", { value: String(v) }, statusText[v])));
    const prefix = h("input", { name: "namePrefix", maxlength: "64", autocomplete: "off" });
    const filters = h("form", { class: "row-form" }, field("状态", statusFilter), field("姓名开头", prefix), h("button", { type: "submit", class: "secondary" }, "筛选"));
    const tbody = h("tbody", {});
    const pageNote = h("span", { class: "page-note" });
    const previous = h("button", { type: "button", class: "secondary" }, "上一页");
    const next = h("button", { type: "button", class: "secondary" }, "下一页");
    // tokens[i] is the page_token of page i (page 0: ""); the filters travel with them, so a new filter starts over.
    let tokens = [""];
    let index = 0;
    const section = h("section", { class: "card", "aria-labelledby": "roster-title" }, h("h2", { id: "roster-title" }, "党员名册"), filters, s,
      h("div", { class: "table-wrap" }, h("table", { "aria-label": "党员名册" },
        h("thead", {}, h("tr", {}, h("th", {}, "党员"), ...(scope === "committee" ? [h("th", {}, "支部")] : []), h("th", {}, "入党日期"), h("th", {}, "状态"),
          h("th", { class: "num" }, "积分"), h("th", {}, "操作"))), tbody)),
      h("div", { class: "row-form" }, previous, next, pageNote));
    const act = async (label: string, run: () => Promise<unknown>) => {
      try { await run(); await fill(); showOk(s, `${label}成功`); } catch (error) { showError(s, errorText(error)); }
    };
    async function fill(): Promise<void> {
      const r = await api.organization.listMembers({
        ...(scope === "branch" ? { branchId: scopeId } : { committeeId: scopeId }),
        status: Number(statusFilter.value) as MemberStatus, namePrefix: prefix.value.trim(), pageSize: 20, pageToken: tokens[index],
      }, { signal: calls.signal });
      tokens = tokens.slice(0, index + 1);
      if (r.nextPageToken) tokens.push(r.nextPageToken);
      previous.disabled = index === 0;
      next.disabled = !r.nextPageToken;
      pageNote.textContent = `第 ${index + 1} 页`;
      clear(tbody, ...r.members.map((m) => h("tr", {},
        h("td", {}, `${m.displayName}（${m.memberId}）`), ...(scope === "committee" ? [h("td", {}, m.branchId)] : []), h("td", {}, m.joinDate || "—"),
        h("td", {}, statusText[m.status] ?? ""), h("td", { class: "num" }, formatPoints(m.pointsBalance)),
        h("td", {},
          !m.verified ? h("button", { type: "button", class: "secondary", "aria-label": `名册：认证 ${m.displayName}`, onclick: () => act("认证", () => api.organization.verifyMember({ memberId: m.memberId, idempotencyKey: newKey("verify") })) }, "认证") : null,
          " ",
          m.status !== MemberStatus.DEACTIVATED
            ? h("button", { type: "button", class: "secondary", "aria-label": `名册：停用 ${m.displayName}`, onclick: () => act("停用", () => api.backOffice.deactivateMember({ memberId: m.memberId, idempotencyKey: newKey("deactivate") })) }, "停用")
            : h("button", { type: "button", class: "secondary", "aria-label": `名册：恢复 ${m.displayName}`, onclick: () => act("恢复", () => api.backOffice.reactivateMember({ memberId: m.memberId, idempotencyKey: newKey("reactivate") })) }, "恢复")))));
      if (!r.members.length) tbody.append(h("tr", {}, h("td", { colspan: scope === "committee" ? "6" : "5" }, "没有符合条件的党员")));
    }
    const show = () => fill().catch((error) => { if (!calls.signal.aborted) showError(s, errorText(error)); });
    filters.addEventListener("submit", (e) => { e.preventDefault(); tokens = [""]; index = 0; s.textContent = ""; void show(); });
    previous.addEventListener("click", () => { index = Math.max(0, index - 1); void show(); });
    next.addEventListener("click", () => { if (index + 1 < tokens.length) { index++; void show(); } });
    void show();
    return section;
  }

  function outreach(): HTMLElement {
    const s = statusLine();
    const tbody = h("tbody", {});
    const section = h("section", { class: "card", "aria-labelledby": "outreach-title" }, h("h2", { id: "outreach-title" }, "待联系党员（7 天以上未参与）"), s,
      h("div", { class: "table-wrap" }, h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "党员"), h("th", {}, "电话"), h("th", { class: "num" }, "未参与天数"), h("th", {}, "状态"), h("th", {}, "操作"))), tbody)));
    const act = async (label: string, run: () => Promise<unknown>) => {
      try { await run(); showOk(s, `${label}成功`); await fill(); } catch (error) { showError(s, errorText(error)); }
    };
    async function fill(): Promise<void> {
      const r = await api.insights.listInactiveMembers({ branchId: scopeId, inactiveDays: 7 }, { signal: calls.signal });
      clear(tbody, ...r.members.map((m) => h("tr", {},
        h("td", {}, `${m.displayName}（${m.memberId}）`), h("td", {}, m.phone), h("td", { class: "num" }, m.daysInactive),
        h("td", {}, !m.active ? "已停用" : m.verified ? "已认证" : "未认证"),
        h("td", {},
          !m.verified ? h("button", { type: "button", class: "secondary", "aria-label": `认证 ${m.displayName}`, onclick: () => act("认证", () => api.organization.verifyMember({ memberId: m.memberId, idempotencyKey: newKey("verify") })) }, "认证") : null,
          " ",
          m.active
            ? h("button", { type: "button", class: "secondary", "aria-label": `停用 ${m.displayName}`, onclick: () => act("停用", () => api.backOffice.deactivateMember({ memberId: m.memberId, idempotencyKey: newKey("deactivate") })) }, "停用")
            : h("button", { type: "button", class: "secondary", "aria-label": `恢复 ${m.displayName}`, onclick: () => act("恢复", () => api.backOffice.reactivateMember({ memberId: m.memberId, idempotencyKey: newKey("reactivate") })) }, "恢复")))));
      if (!r.members.length) tbody.append(h("tr", {}, h("td", { colspan: "5" }, "没有需要联系的党员")));
    }
    fill().catch((error) => showError(s, errorText(error)));
    return section;
  }

  function noticeForm(): HTMLElement {
    const s = statusLine();
    const title = h("input", { name: "title", required: true, maxlength: "100" });
    const text = h("textarea", { name: "body", required: true, maxlength: "5000", rows: "3" });
    const form = h("form", { class: "card", "aria-labelledby": "notice-title" }, h("h2", { id: "notice-title" }, "发送通知"),
      field("标题", title), field("内容", text), h("button", { type: "submit" }, "发送"), s);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      try {
        await api.notices.publishNotice({ audience: scope === "branch" ? NoticeAudience.BRANCH : NoticeAudience.COMMITTEE, audienceId: scopeId, title: title.value, body: text.value, idempotencyKey: newKey("notice") });
        showOk(s, "通知已发送");
        form.reset();
      } catch (error) {
        showError(s, errorText(error));
      }
    });
    return form;
  }

  async function load(): Promise<void> {
    scopeSelect.value = scope;
    idInput.value = scopeId;
    status.textContent = "";
    if (!scopeId) { status.textContent = "请填写编号后点击“显示”"; return; }
    try {
      const range = { fromDay: from.value, toDay: to.value, top: 10 };
      if (scope === "branch") {
        const r = await api.analytics.getBranchAnalytics({ branchId: scopeId, ...range }, { signal: calls.signal });
        render(r.analytics!, []);
      } else {
        const r = await api.analytics.getCommitteeAnalytics({ committeeId: scopeId, ...range }, { signal: calls.signal });
        render(r.analytics!, r.branches);
      }
    } catch (error) {
      if (!calls.signal.aborted) { body.replaceChildren(); showError(status, errorText(error)); }
    }
  }

  void load();
  return () => { calls.abort(); charts.forEach((c) => c.destroy()); };
}
