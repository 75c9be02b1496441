using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CollegeBot.FakeTelegram;

/// <summary>getMe, getUpdates and the webhook methods.</summary>
internal sealed partial class UpdateMethods(FakeState state, UpdateQueue updates)
{
    private static readonly int[] WebhookPorts = [443, 80, 88, 8443];

    public JsonNode GetMe() => Json.Obj(
        ("id", state.Options.BotId), ("is_bot", true), ("first_name", state.Options.BotFirstName),
        ("username", state.Options.BotUsername), ("can_join_groups", true), ("can_read_all_group_messages", false),
        ("supports_inline_queries", false), ("can_connect_to_business", false), ("has_main_web_app", false));

    public async Task<JsonNode> GetUpdatesAsync(ApiRequest r, CancellationToken ct) =>
        await updates.GetUpdatesAsync(
            r.Long("offset"), r.Int("limit") ?? 100, r.Int("timeout") ?? 0, AllowedUpdates(r), ct);

    public MethodResult SetWebhook(ApiRequest r)
    {
        var url = r.String("url") ?? "";
        if (url.Length == 0)
        {
            return DeleteWebhook(r);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw ApiException.BadRequest("bad webhook: Failed to resolve host: Name or service not known");
        }

        if (state.Options.ValidateWebhookUrl && uri.Scheme != "https")
        {
            throw ApiException.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }

        if (state.Options.ValidateWebhookUrl && !WebhookPorts.Contains(uri.Port))
        {
            throw ApiException.BadRequest("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        }

        var secret = r.String("secret_token");
        if (secret is not null && !SecretPattern().IsMatch(secret))
        {
            throw ApiException.BadRequest("secret token contains unallowed characters");
        }

        var maxConnections = r.Int("max_connections") ?? 40;
        updates.SetWebhook(
            new WebhookSettings(url, secret, Math.Clamp(maxConnections, 1, 100), r.String("ip_address")),
            r.Bool("drop_pending_updates"), AllowedUpdates(r));
        return new MethodResult(true, "Webhook was set");
    }

    public MethodResult DeleteWebhook(ApiRequest r) =>
        updates.DeleteWebhook(r.Bool("drop_pending_updates"))
            ? new MethodResult(true, "Webhook was deleted")
            : new MethodResult(true, "Webhook is already deleted");

    public JsonNode GetWebhookInfo()
    {
        var hook = updates.Webhook;
        var error = updates.LastWebhookError;
        var allowed = updates.AllowedUpdates;
        return Json.Obj(
            ("url", hook?.Url ?? ""),
            ("has_custom_certificate", false),
            ("pending_update_count", updates.PendingCount),
            ("ip_address", hook?.IpAddress),
            ("last_error_date", error?.At.ToUnixTimeSeconds()),
            ("last_error_message", error?.Message),
            ("max_connections", hook?.MaxConnections),
            ("allowed_updates", hook is null || allowed is null ? null : Json.Array(allowed.Select(a => (JsonNode?)a))));
    }

    private static string[]? AllowedUpdates(ApiRequest r) =>
        r.Json("allowed_updates", "can't parse allowed updates JSON object") is JsonArray array
            ? array.Select(a => a?.ToString() ?? "").Where(a => a.Length > 0).ToArray()
            : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
