namespace Engagement.Tests;

/// <summary>Waits for derived state (streams, reminders) with a deadline instead of sleeping for luck.</summary>
public static class Poll
{
    /// <summary>Reads until the value is <paramref name="expected"/> or <paramref name="seconds"/> passed; returns the last value read.</summary>
    public static async Task<T?> UntilAsync<T>(Func<Task<T?>> read, T expected, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        T? value;
        do
        {
            value = await read();
            if (Equals(value, expected))
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
        while (DateTime.UtcNow < deadline);

        return value;
    }
}
