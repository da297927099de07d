// The merchant counter: type (or scan) the member's code, see item, member and cost, confirm once. The status follows
// WatchRedemption; a code already confirmed says so plainly. Today's redemptions at this counter (ListRedemptions, from
// the server: the same on every device of the counter), the day's settlement and its CSV.
import { h, clear, field, formatPoints, formatTime, statusLine, showError, showOk } from "../dom.js";
import { api, errorText, newKey, reasonOf, downloadCsv } from "../api.js";
import { session } from "../session.js";
import { RedemptionStatus, type Redemption } from "../gen/engagement/v1/redemptions_pb.js";

const statusText: Record<RedemptionStatus, string> = {
  [RedemptionStatus.UNSPECIFIED]: "未知",
  [RedemptionStatus.PENDING]: "待核销",
  [RedemptionStatus.CONFIRMING]: "核销中",
  [RedemptionStatus.COMPLETED]: "已核销",
  [RedemptionStatus.CANCELLED]: "已取消",
  [RedemptionStatus.EXPIRED]: "已过期",
  [RedemptionStatus.REFUNDING]: "退款中",
  [RedemptionStatus.REFUNDED]: "已退款",
};

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function mountCounter(root: HTMLElement): () => void {
  const merchantId = session.scopeOf("merchant-staff") ?? "";
  let watch: AbortController | null = null;
  let current: { code: string; qr: string; key: string; redemption: Redemption } | null = null;

  const code = h("input", { name: "code", class: "big-code", inputmode: "numeric", autocomplete: "off", maxlength: "8", pattern: "[0-9]{8}", placeholder: "8 位数字" });
  const lookup = h("button", { type: "submit" }, "查询");
  const scan = h("button", { type: "button", class: "secondary", hidden: true }, "扫码");
  const form = h("form", { class: "row-form" }, field("兑换码", code), lookup, scan);
  const status = statusLine();
  const verdict = h("p", { class: "verdict", role: "alert", hidden: true });
  const preview = h("dl", { class: "preview", "aria-label": "兑换详情", hidden: true });
  const confirm = h("button", { type: "button", hidden: true }, "确认核销");
  const video = h("video", { hidden: true, playsinline: true, muted: true, "aria-label": "扫码画面", style: "max-width:100%" });
  const historyBody = h("tbody", {});
  const more = h("button", { type: "button", class: "secondary", hidden: true }, "加载更多");
  const historyStatus = statusLine();
  let nextPage = "";
  const day = h("input", { type: "date", name: "day", value: today() });
  const settlement = h("div", { class: "table-wrap" });
  const csv = h("button", { type: "button", class: "secondary" }, "下载结算 CSV");
  const settleStatus = statusLine();

  root.replaceChildren(
    h("h1", {}, `商户核销台 · ${merchantId}`),
    h("section", { class: "card", "aria-labelledby": "redeem-title" },
      h("h2", { id: "redeem-title" }, "核销兑换码"), form, video, status, verdict, preview, confirm),
    h("section", { class: "card", "aria-labelledby": "history-title" },
      h("h2", { id: "history-title" }, "今日兑换记录"),
      h("div", { class: "table-wrap" }, h("table", { "aria-label": "今日兑换记录" },
        h("thead", {}, h("tr", {}, h("th", {}, "时间"), h("th", {}, "商品"), h("th", {}, "党员"), h("th", { class: "num" }, "积分"), h("th", {}, "状态"))),
        historyBody)), historyStatus, more),
    h("section", { class: "card", "aria-labelledby": "settle-title" },
      h("h2", { id: "settle-title" }, "结算"), h("div", { class: "row-form" }, field("日期", day), csv), settleStatus, settlement),
  );

  // Today's redemptions (the park's day), newest first, a page at a time; reloaded from the top after each confirm.
  async function loadHistory(fromTop: boolean): Promise<void> {
    try {
      const page = await api.redemptions.listRedemptions({ merchantId, pageSize: 50, pageToken: fromTop ? "" : nextPage });
      if (fromTop) clear(historyBody);
      historyBody.append(...page.redemptions.map((r) => h("tr", {},
        h("td", {}, formatTime(r.createTime?.seconds)), h("td", {}, r.itemName || r.itemId), h("td", {}, r.memberDisplayName || r.memberId),
        h("td", { class: "num" }, formatPoints(r.points)), h("td", { "data-status": String(r.status) }, statusText[r.status]))));
      if (!historyBody.children.length) historyBody.append(h("tr", {}, h("td", { colspan: "5" }, "今天还没有兑换")));
      nextPage = page.nextPageToken;
      more.hidden = !nextPage;
      historyStatus.textContent = "";
    } catch (error) {
      showError(historyStatus, errorText(error));
    }
  }
  more.addEventListener("click", () => void loadHistory(false));

  function show(r: Redemption): void {
    preview.hidden = false;
    clear(preview,
      h("dt", {}, "商品"), h("dd", {}, r.itemName || r.itemId),
      h("dt", {}, "党员"), h("dd", {}, `${r.memberDisplayName || r.memberId}（${r.memberId}）`),
      h("dt", {}, "积分"), h("dd", {}, `${formatPoints(r.points)} 分`),
      h("dt", {}, "状态"), h("dd", { "data-status": String(r.status) }, statusText[r.status]),
      h("dt", {}, r.status === RedemptionStatus.COMPLETED ? "核销时间" : "有效期至"),
      h("dd", {}, formatTime(r.status === RedemptionStatus.COMPLETED ? r.completeTime?.seconds : r.expireTime?.seconds)));
    confirm.hidden = r.status !== RedemptionStatus.PENDING;
    if (r.status === RedemptionStatus.COMPLETED) say(false, "已核销：该兑换码已使用，不能再次核销");
    else if (r.status !== RedemptionStatus.PENDING) say(false, `${statusText[r.status]}，不能核销`);
  }

  function say(ok: boolean, text: string): void {
    verdict.hidden = false;
    verdict.className = `verdict ${ok ? "ok" : "bad"}`;
    verdict.textContent = text;
  }

  async function follow(redemptionId: string): Promise<void> {
    watch?.abort();
    const call = new AbortController();
    watch = call;
    try {
      for await (const { redemption: r } of api.redemptions.watchRedemption({ redemptionId }, { signal: call.signal })) {
        if (!r) continue;
        if (current?.redemption.redemptionId === redemptionId) {
          const wasPending = current.redemption.status === RedemptionStatus.PENDING;
          current.redemption = r;
          if (wasPending || r.status !== RedemptionStatus.COMPLETED) show(r);
        }
      }
    } catch {
      /* the preview stays; a confirm reports its own outcome */
    }
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    await validate(code.value.trim(), "");
  });

  async function validate(typed: string, qr: string): Promise<void> {
    verdict.hidden = true;
    preview.hidden = true;
    confirm.hidden = true;
    status.textContent = "";
    if (!qr && !/^\d{8}$/.test(typed)) {
      showError(status, "请输入 8 位数字兑换码");
      code.focus();
      return;
    }
    lookup.disabled = true;
    try {
      const { redemption: r } = await api.redemptions.validateRedemption({ merchantId, code: typed, qrPayload: qr });
      if (!r) return;
      current = { code: typed, qr, key: newKey("confirm"), redemption: r };
      show(r);
      void follow(r.redemptionId);
      if (r.status === RedemptionStatus.PENDING) confirm.focus();
    } catch (error) {
      showError(status, errorText(error));
    } finally {
      lookup.disabled = false;
    }
  }

  confirm.addEventListener("click", async () => {
    if (!current) return;
    confirm.disabled = true;
    try {
      const { redemption: r } = await api.redemptions.confirmRedemption({ merchantId, code: current.code, qrPayload: current.qr, idempotencyKey: current.key });
      if (!r) return;
      current.redemption = r;
      show(r);
      say(true, `核销成功：${r.itemName}，${formatPoints(r.points)} 分`);
      void loadHistory(true);
      void loadSettlement();
      code.value = "";
      code.focus();
    } catch (error) {
      confirm.hidden = true;
      if (reasonOf(error) === "ALREADY_REDEEMED") say(false, "已核销：该兑换码已使用，不能再次核销");
      else say(false, errorText(error));
    } finally {
      confirm.disabled = false;
    }
  });

  async function loadSettlement(): Promise<void> {
    try {
      const { settlement: s } = await api.merchants.getSettlement({ merchantId, day: day.value });
      if (!s) return;
      clear(settlement, h("p", {}, `${s.day}：核销 ${s.redemptions} 笔，共 ${formatPoints(s.points)} 分；退款 ${s.refunds} 笔`), h("table", { "aria-label": "结算明细" },
        h("thead", {}, h("tr", {}, h("th", {}, "商品"), h("th", { class: "num" }, "核销"), h("th", { class: "num" }, "积分"), h("th", { class: "num" }, "退款"))),
        h("tbody", {}, ...s.items.map((i) => h("tr", {}, h("td", {}, i.name || i.itemId), h("td", { class: "num" }, i.redemptions), h("td", { class: "num" }, formatPoints(i.points)), h("td", { class: "num" }, i.refunds))))));
      settleStatus.textContent = "";
    } catch (error) {
      showError(settleStatus, errorText(error));
    }
  }
  day.addEventListener("change", () => void loadSettlement());
  csv.addEventListener("click", () => {
    downloadCsv(`/v1/merchants/${encodeURIComponent(merchantId)}/settlements/${day.value}.csv`, `settlement-${merchantId}-${day.value}.csv`)
      .then(() => showOk(settleStatus, "已下载"))
      .catch((e: Error) => showError(settleStatus, e.message));
  });

  // Camera QR scanning where the browser offers BarcodeDetector and a camera; typed codes always work.
  const Detector = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => { detect(v: HTMLVideoElement): Promise<Array<{ rawValue: string }>> } }).BarcodeDetector;
  let stream: MediaStream | null = null;
  if (Detector && navigator.mediaDevices?.getUserMedia) {
    scan.hidden = false;
    scan.addEventListener("click", async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        video.srcObject = stream;
        video.hidden = false;
        await video.play();
        const detector = new Detector({ formats: ["qr_code"] });
        const tick = async () => {
          if (!stream) return;
          const found = await detector.detect(video).catch(() => []);
          if (found[0]?.rawValue) { stopCamera(); await validate("", found[0].rawValue); } else requestAnimationFrame(() => void tick());
        };
        void tick();
      } catch {
        showError(status, "无法打开摄像头，请输入兑换码");
      }
    });
  }
  function stopCamera(): void {
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
    video.hidden = true;
  }

  void loadHistory(true);
  void loadSettlement();
  code.focus();
  return () => { watch?.abort(); stopCamera(); };
}
