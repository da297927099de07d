// The console's one gRPC-Web transport (same origin as the page) and the typed clients generated from protos/.
import { Code, ConnectError, createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import type { DescService } from "@bufbuild/protobuf";
import { ErrorInfoSchema } from "./gen/google/rpc/error_details_pb.js";
import { errorTexts } from "./gen/errors.js";
import { LeaderboardService } from "./gen/engagement/v1/leaderboards_pb.js";
import { OrganizationService } from "./gen/engagement/v1/organization_pb.js";
import { PointsService } from "./gen/engagement/v1/points_pb.js";
import { RedemptionService } from "./gen/engagement/v1/redemptions_pb.js";
import { MerchantService } from "./gen/engagement/v1/merchants_pb.js";
import { AnalyticsService } from "./gen/engagement/v1/analytics_pb.js";
import { InsightsService } from "./gen/engagement/v1/insights_pb.js";
import { NoticeService } from "./gen/engagement/v1/notices_pb.js";
import { BackOfficeService } from "./gen/engagement/v1/backoffice_pb.js";
import { session } from "./session.js";

const auth: Interceptor = (next) => async (req) => {
  const token = session.current()?.token;
  if (token) req.header.set("authorization", `Bearer ${token}`);
  return next(req);
};

const transport = createGrpcWebTransport({ baseUrl: location.origin, interceptors: [auth] });

function client<T extends DescService>(service: T): Client<T> {
  return createClient(service, transport);
}

export const api = {
  leaderboards: client(LeaderboardService),
  organization: client(OrganizationService),
  points: client(PointsService),
  redemptions: client(RedemptionService),
  merchants: client(MerchantService),
  analytics: client(AnalyticsService),
  insights: client(InsightsService),
  notices: client(NoticeService),
  backOffice: client(BackOfficeService),
};

/** The stable reason of a failed call (google.rpc.ErrorInfo), or "" when it carries none. */
export function reasonOf(error: unknown): string {
  const e = ConnectError.from(error);
  return e.findDetails(ErrorInfoSchema)[0]?.reason ?? "";
}

/** The Chinese text to show for a failed call (docs/errors.md). */
export function errorText(error: unknown): string {
  const e = ConnectError.from(error);
  const reason = reasonOf(e);
  if (reason && errorTexts[reason]) return errorTexts[reason];
  switch (e.code) {
    case Code.Unauthenticated: return errorTexts["UNAUTHENTICATED"] ?? "登录已失效，请重新登录";
    case Code.PermissionDenied: return errorTexts["PERMISSION_DENIED"] ?? "您没有权限进行此操作";
    case Code.Unavailable: case Code.Unknown: case Code.Canceled: return "无法连接服务器，请稍后重试";
    default: return errorTexts["INTERNAL"] ?? "系统错误，请稍后重试";
  }
}

/** A fresh idempotency key for one user action (a retry of the same action reuses it). */
export function newKey(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** Authenticated download of one of the node's CSV endpoints (bearer token in a header, never in the URL). */
export async function downloadCsv(path: string, fileName: string): Promise<void> {
  const token = session.current()?.token ?? "";
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(response.status === 403 ? "您没有权限进行此操作" : `下载失败（${response.status}）`);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
