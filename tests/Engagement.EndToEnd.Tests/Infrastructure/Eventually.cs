namespace Engagement.EndToEnd;

/// <summary>Waits for a condition with a deadline instead of sleeping for luck.</summary>
public static class Eventually
{
    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> attempt, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        Exception? last = null;
        while (DateTime.UtcNow < until)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e)
            {
                last = e;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"{what} did not succeed within {deadline}.", last);
    }
}
