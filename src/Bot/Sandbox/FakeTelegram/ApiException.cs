namespace CollegeBot.FakeTelegram;

/// <summary>An error answer of the Bot API: becomes <c>{"ok":false,...}</c> with the matching HTTP status.</summary>
internal sealed class ApiException(int errorCode, string description, int? retryAfter = null, long? migrateToChatId = null)
    : Exception(description)
{
    public int ErrorCode { get; } = errorCode;
    public string Description { get; } = description;
    public int? RetryAfter { get; } = retryAfter;
    public long? MigrateToChatId { get; } = migrateToChatId;

    public static ApiException BadRequest(string what) => new(400, "Bad Request: " + what);

    public static ApiException Conflict(string what) => new(409, "Conflict: " + what);

    public static ApiException TooManyRequests(int retryAfter) =>
        new(429, $"Too Many Requests: retry after {retryAfter}", retryAfter: retryAfter);
}
