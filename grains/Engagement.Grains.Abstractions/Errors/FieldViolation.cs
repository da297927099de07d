namespace Engagement;

/// <summary>One bad field of a request, named as in the .proto (snake_case).</summary>
[GenerateSerializer, Immutable, Alias("engagement.FieldViolation")]
public sealed record FieldViolation([property: Id(0)] string Field, [property: Id(1)] string Description);
