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
        var validator = new RequestValidator().Id("member_id", memberId);
        var page = Paging.Read(validator, "upcoming-events", request.PageSize, request.PageToken, memberId, maxSize: MaxUpcomingPageSize);
        validator.ThrowIfInvalid();
        var events = await grains.GetGrain<IMemberEventsGrain>(memberId).ListUpcomingAsync(caller, page.Size, page.Cursor, context.CancellationToken);
        var response = new ListUpcomingEventsResponse { NextPageToken = Paging.Next("upcoming-events", events.Next, memberId) };
        response.Events.AddRange(events.Items.Select(e => e.ToProto()));
        return response;
    }

    /// <summary>Each upcoming event is read from its own grain (for the member's part), so pages stay smaller than the default maximum.</summary>
    private const int MaxUpcomingPageSize = 100;

    public override async Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator();
        if ((request.BranchId.Length > 0) == (request.CommitteeId.Length > 0))
        {
            validator.Add("branch_id", "give exactly one of branch_id and committee_id");
        }
        else if (request.BranchId.Length > 0)
        {
            validator.Id("branch_id", request.BranchId);
        }
        else
        {
            validator.Id("committee_id", request.CommitteeId);
        }

        var calendar = request.BranchId.Length > 0 ? EventCalendars.ForBranch(request.BranchId) : EventCalendars.ForCommittee(request.CommitteeId);
        var page = Paging.Read(validator, "events", request.PageSize, request.PageToken, calendar);
        validator.ThrowIfInvalid();
        var listed = await grains.GetGrain<IEventCalendarGrain>(calendar).ListPublishedAsync(caller, page.Size, page.Cursor, context.CancellationToken);
        // The calendar checked the caller; each event adds its seats taken, checking the caller as well.
        var views = await Task.WhenAll(listed.Items.Select(e => Event(e.EventId).GetOverviewAsync(caller, context.CancellationToken)));
        var response = new ListEventsResponse { NextPageToken = Paging.Next("events", listed.Next, calendar) };
        response.Events.AddRange(views.Select(v => new OrganisedEvent { Event = v.Event.ToProto(), RsvpCount = v.RsvpCount }));
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
