using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Offline events: publishing, RSVP, on-site check-in with a rotating code, remote attendance, attendance lists.</summary>
public sealed class EventService(IGrainFactory grains) : V1.EventService.EventServiceBase
{
    public override async Task<PublishEventResponse> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("event_id", request.EventId).IdempotencyKey(request.IdempotencyKey);
        var draft = request.ToDomain(validator);
        validator.ThrowIfInvalid();
        var info = await Event(request.EventId).PublishAsync(caller, draft, request.IdempotencyKey, context.CancellationToken);
        return new PublishEventResponse { Event = info.ToProto() };
    }

    public override async Task<ListUpcomingEventsResponse> ListUpcomingEvents(ListUpcomingEventsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        new RequestValidator().Id("member_id", memberId).ThrowIfInvalid();
        var events = await grains.GetGrain<IMemberEventsGrain>(memberId).ListUpcomingAsync(caller, context.CancellationToken);
        var response = new ListUpcomingEventsResponse();
        response.Events.AddRange(events.Select(e => e.ToProto()));
        return response;
    }

    public override async Task<RsvpResponse> Rsvp(RsvpRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        new RequestValidator().Id("event_id", request.EventId).Id("member_id", memberId).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var view = await Event(request.EventId).RsvpAsync(caller, memberId, request.IdempotencyKey, context.CancellationToken);
        return new RsvpResponse { Event = view.ToProto() };
    }

    public override async Task<CancelRsvpResponse> CancelRsvp(CancelRsvpRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        new RequestValidator().Id("event_id", request.EventId).Id("member_id", memberId).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var view = await Event(request.EventId).CancelRsvpAsync(caller, memberId, request.IdempotencyKey, context.CancellationToken);
        return new CancelRsvpResponse { Event = view.ToProto() };
    }

    public override async Task<GetCheckInCodeResponse> GetCheckInCode(GetCheckInCodeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("event_id", request.EventId).ThrowIfInvalid();
        var code = await Event(request.EventId).GetCheckInCodeAsync(caller, context.CancellationToken);
        return code.ToProto();
    }

    public override async Task<CheckInToEventResponse> CheckInToEvent(CheckInToEventRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        new RequestValidator().Id("event_id", request.EventId).Id("member_id", memberId).CheckInCode("code", request.Code)
            .IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var result = await Event(request.EventId).CheckInAsync(caller, memberId, request.Code, request.IdempotencyKey, context.CancellationToken);
        return result.ToProto();
    }

    public override async Task<SendHeartbeatResponse> SendHeartbeat(SendHeartbeatRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        new RequestValidator().Id("event_id", request.EventId).Id("member_id", memberId).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var result = await Event(request.EventId).SendHeartbeatAsync(caller, memberId, request.IdempotencyKey, context.CancellationToken);
        return result.ToProto();
    }

    public override async Task<ListAttendanceResponse> ListAttendance(ListAttendanceRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("event_id", request.EventId).ThrowIfInvalid();
        var attendance = await Event(request.EventId).ListAttendanceAsync(caller, context.CancellationToken);
        return attendance.ToProto();
    }

    private IEventGrain Event(string eventId) => grains.GetGrain<IEventGrain>(eventId);
}
