// A WatchLeaderboard stream that reconnects by itself and says so: "connecting" until the first update arrives,
// "live" while updates flow, "reconnecting" from the moment the stream breaks (node restart, network drop) until a
// fresh snapshot arrives again. A reconnect asks for a full snapshot (last_version 0), so what the wall shows after
// "live" is never a board from before the break. A cheap unary call every 10 s detects a connection that died
// silently (no reset reaches the browser), and the browser's "online" event retries at once.
import { Code, ConnectError } from "@connectrpc/connect";
import type { WatchLeaderboardResponse, WatchLeaderboardRequest } from "./gen/engagement/v1/leaderboards_pb.js";
import { api, errorText } from "./api.js";

export type WatchState =
  | { kind: "connecting" }
  | { kind: "live" }
  | { kind: "reconnecting"; attempt: number }
  | { kind: "failed"; text: string };

type Request = Pick<WatchLeaderboardRequest, "scope" | "scopeId" | "period" | "top">;

const fatal = new Set([Code.PermissionDenied, Code.InvalidArgument, Code.NotFound, Code.Unauthenticated]);

export class BoardWatch {
  private stopped = false;
  private call: AbortController | null = null;
  private wake: (() => void) | null = null;
  private readonly online = () => this.wake?.();

  constructor(
    private readonly request: Request,
    private readonly onUpdate: (update: WatchLeaderboardResponse) => void,
    private readonly onState: (state: WatchState) => void,
  ) {}

  start(): this {
    window.addEventListener("online", this.online);
    void this.run();
    return this;
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener("online", this.online);
    this.call?.abort();
    this.wake?.();
  }

  private async run(): Promise<void> {
    let attempt = 0;
    this.onState({ kind: "connecting" });
    while (!this.stopped) {
      const call = new AbortController();
      this.call = call;
      const probe = window.setInterval(() => this.probe(call), 10_000);
      try {
        for await (const update of api.leaderboards.watchLeaderboard({ ...this.request, lastVersion: 0n }, { signal: call.signal })) {
          if (this.stopped) return;
          attempt = 0;
          this.onState({ kind: "live" });
          this.onUpdate(update);
        }
      } catch (error) {
        if (this.stopped) return;
        const e = ConnectError.from(error);
        if (fatal.has(e.code) && !call.signal.aborted) {
          this.onState({ kind: "failed", text: errorText(e) });
          return;
        }
      } finally {
        window.clearInterval(probe);
        call.abort();
      }
      if (this.stopped) return;
      attempt++;
      this.onState({ kind: "reconnecting", attempt });
      await this.pause(Math.min(250 * 2 ** attempt, 3_000));
    }
  }

  /** Ends the stream when the node does not answer a small read within 8 s (a connection that died silently). */
  private probe(call: AbortController): void {
    const timeout = AbortSignal.timeout(8_000);
    api.leaderboards
      .getLeaderboard({ scope: this.request.scope, scopeId: this.request.scopeId, period: this.request.period, pageSize: 1 }, { signal: timeout })
      .catch((error) => {
        const code = ConnectError.from(error).code;
        if (code === Code.Unavailable || code === Code.DeadlineExceeded || code === Code.Unknown || code === Code.Canceled) call.abort();
      });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = window.setTimeout(done, ms);
      function done() { window.clearTimeout(timer); resolve(); }
      this.wake = () => { this.wake = null; done(); };
    });
  }
}
