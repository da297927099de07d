using System.Collections.Immutable;

namespace Engagement.Tests;

public sealed class RepairScheduleTests
{
    [Fact]
    public void AFullReconcileIsDueFirstThenOnlyAfterTheClusterChanged()
    {
        var cluster = new Membership();
        var repairs = new RepairSchedule(cluster);
        var dueAtFirst = repairs.Due;

        repairs.Passed(repairs.Begin());
        var dueWhenNothingChanged = repairs.Due;
        var startedBeforeChange = repairs.Begin();
        cluster.Change(); // a silo left (or joined) while the pass ran
        repairs.Passed(startedBeforeChange);
        var dueAfterChangeDuringPass = repairs.Due;
        repairs.Passed(repairs.Begin());

        Assert.True(dueAtFirst);
        Assert.False(dueWhenNothingChanged);
        Assert.True(dueAfterChangeDuringPass);
        Assert.False(repairs.Due);
    }

    private sealed class Membership : IClusterMembershipService
    {
        private long _version = 1;

        public ClusterMembershipSnapshot CurrentSnapshot =>
            new(ImmutableDictionary<SiloAddress, ClusterMember>.Empty, new MembershipVersion(_version));

        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

        public void Change() => _version++;

        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<bool> TryKill(SiloAddress siloAddress) => Task.FromResult(false);
    }
}
