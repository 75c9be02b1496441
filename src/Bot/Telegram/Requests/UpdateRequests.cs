using System.Text.Json.Serialization;

namespace CollegeBot.Bot.Telegram;

public sealed record GetMeRequest : IBotRequest<User>
{
    [JsonIgnore] public string MethodName => "getMe";
}

/// <summary>
/// A long poll. Calling it with <see cref="Offset"/> = last update_id + 1 confirms every update up to that one:
/// store the updates before confirming them.
/// </summary>
public sealed record GetUpdatesRequest : IBotRequest<Update[]>
{
    [JsonIgnore] public string MethodName => "getUpdates";

    public long? Offset { get; init; }

    /// <summary>1-100.</summary>
    public int? Limit { get; init; }

    /// <summary>Seconds Telegram holds the call open while there is nothing new.</summary>
    public int? Timeout { get; init; }

    /// <summary>Remembered by Telegram between calls when omitted.</summary>
    public IReadOnlyList<string>? AllowedUpdates { get; init; }
}

/// <summary>From now on Telegram posts updates to <see cref="Url"/> (https, port 443, 80, 88 or 8443).</summary>
public sealed record SetWebhookRequest(string Url) : IBotRequest<bool>
{
    [JsonIgnore] public string MethodName => "setWebhook";

    /// <summary>Sent back in <c>X-Telegram-Bot-Api-Secret-Token</c>; 1-256 of A-Z a-z 0-9 _ -.</summary>
    public string? SecretToken { get; init; }

    public IReadOnlyList<string>? AllowedUpdates { get; init; }
    public int? MaxConnections { get; init; }
    public bool? DropPendingUpdates { get; init; }

    // A record prints all its properties; the secret must not reach a log through a request that was printed.
    public override string ToString() =>
        $"SetWebhookRequest {{ Url = {Url}, SecretToken = {(SecretToken is null ? "(none)" : "***")} }}";
}

public sealed record DeleteWebhookRequest : IBotRequest<bool>
{
    [JsonIgnore] public string MethodName => "deleteWebhook";

    public bool? DropPendingUpdates { get; init; }
}

public sealed record GetWebhookInfoRequest : IBotRequest<WebhookInfo>
{
    [JsonIgnore] public string MethodName => "getWebhookInfo";
}
